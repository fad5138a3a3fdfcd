using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// Per DP-VAE and synthesis fidelity: a synthetic training set (privatar mnist synthesize; original releases the per-class
/// latent statistics exactly, corrected through a Gaussian mechanism) with its sample grid in results/mnist_samples/, and a
/// non-private CNN trained on it and tested on real MNIST.
/// </summary>
public static class MnistSyntheticStep
{
    /// <summary>What the original fidelity does not read: it releases the statistics exactly and draws no noise.</summary>
    static readonly string[] MechanismOnly =
        [nameof(MnistSynthesizeArgs.StatsNoiseMultiplier), nameof(MnistSynthesizeArgs.StatsClip), nameof(MnistSynthesizeArgs.Noise)];

    /// <summary>What a classifier trained on a synthetic set does not read: the real-data run's settings (it uses the set whole).</summary>
    static readonly string[] RealOnly =
        [nameof(MnistClassifierArgs.Epochs), nameof(MnistClassifierArgs.BatchSize), nameof(MnistClassifierArgs.TrainLimit)];

    public static StepSpec Spec => new("MnistSynthetic", "Synthesize MNIST from each DP-VAE under each synthesis fidelity; train a CNN on each set")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Verbs("MnistSynthetic", ["Privatar.DpSgd", "Privatar.Contracts"], "MnistCommand"),
        Params = VerbCommand.Distinct(MnistSteps.ListParams, VerbCommand.Params<MnistSynthesizeArgs>(), VerbCommand.Params<MnistClassifierArgs>()),
        Units = ctx =>
        {
            var fidelities = MnistSteps.Fidelities(ctx.Params);
            return MnistSteps.DpRuns(ctx.Params).SelectMany(r => fidelities.SelectMany(f => Units(ctx, r.Id, f)));
        },
    };

    static IEnumerable<UnitSpec> Units(PlanContext ctx, string vae, string fidelity)
    {
        var vaeDir = MnistSteps.VaeDir(ctx, vae);
        var dir = MnistSteps.SyntheticDir(ctx, vae, fidelity);
        var release = (MnistFidelity)ContractCodec.ParseOne(typeof(MnistFidelity), fidelity, "[dpsgd] synthesis_fidelities");
        var corrected = release == MnistFidelity.Corrected;
        string[] set = [$"{dir}/{MnistSteps.IdxFiles[0]}", $"{dir}/{MnistSteps.IdxFiles[1]}", $"{dir}/synthesis.json"];
        yield return new UnitSpec($"{vae}_{fidelity}_data")
        {
            Inputs = [.. MnistSteps.DataFiles(ctx), .. MnistSteps.RunOutputs(vaeDir, "vae.pt")],
            Outputs = [.. set, MnistSteps.Grid(ctx, vae, fidelity)],
            Params = ContractCodec.KeysExcept<MnistSynthesizeArgs>(corrected ? [] : MechanismOnly),
            Command = VerbCommand.Command(new MnistSynthesizeArgs
            {
                Data = MnistSteps.DataDir(ctx), Vae = vaeDir, Out = dir, Fidelity = release, Grid = MnistSteps.Grid(ctx, vae, fidelity),
            }),
            Release = corrected && MnistSteps.IsRelease(ctx.Params),   // the original fidelity draws no privacy noise at all
        };
        var clf = MnistSteps.SyntheticClassifierDir(ctx, vae, fidelity);
        yield return new UnitSpec($"{vae}_{fidelity}_classifier")
        {
            Inputs = [.. MnistSteps.DataFiles(ctx), .. set],
            Outputs = MnistSteps.RunOutputs(clf, "classifier.pt"),
            Params = MnistSteps.TrainKeys<MnistClassifierArgs>(null, RealOnly),
            Command = VerbCommand.Command(new MnistClassifierArgs { Data = MnistSteps.DataDir(ctx), TrainDir = dir, Out = clf }),
        };
    }
}
