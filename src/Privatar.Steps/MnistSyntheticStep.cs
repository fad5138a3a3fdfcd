using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// Per DP-VAE and synthesis fidelity: a synthetic training set (privatar mnist synthesize; original releases the per-class
/// latent statistics exactly, corrected through a Gaussian mechanism) with its sample grid in results/mnist_samples/, and a
/// non-private CNN trained on it and tested on real MNIST.
/// </summary>
public static class MnistSyntheticStep
{
    public static StepSpec Spec => new("MnistSynthetic", "Synthesize MNIST from each DP-VAE under each synthesis fidelity; train a CNN on each set")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Verbs("MnistSynthetic", ["Privatar.DpSgd"], "MnistCommand"),
        Params = MnistSteps.AllParams,
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
        var corrected = fidelity == "corrected";
        string[] set = [$"{dir}/{MnistSteps.IdxFiles[0]}", $"{dir}/{MnistSteps.IdxFiles[1]}", $"{dir}/synthesis.json"];
        yield return new UnitSpec($"{vae}_{fidelity}_data")
        {
            Inputs = [.. MnistSteps.DataFiles(ctx), .. MnistSteps.RunOutputs(vaeDir, "vae.pt")],
            Outputs = [.. set, MnistSteps.Grid(ctx, vae, fidelity)],
            Params = corrected
                ? ["mnist.train_limit", "dpsgd.synthetic_per_class", "runtime.seed", "dpsgd.threads", "dpsgd.stats_noise_multiplier", "dpsgd.stats_clip", MnistSteps.Noise]
                : ["mnist.train_limit", "dpsgd.synthetic_per_class", "runtime.seed", "dpsgd.threads"],
            Command = UnitCommand.Privatar(p => new object[]
            {
                "mnist", "synthesize", "--data", MnistSteps.DataDir(ctx), "--vae", vaeDir, "--out", dir, "--fidelity", fidelity,
                "--per-class", p.Int("dpsgd.synthetic_per_class"), "--seed", p.Long("runtime.seed"), "--train-limit", p.Int("mnist.train_limit"),
                "--threads", p.Int("dpsgd.threads"), "--grid", MnistSteps.Grid(ctx, vae, fidelity),
            }.Concat(corrected ? new object[] { "--stats-noise-multiplier", p.Double("dpsgd.stats_noise_multiplier"), "--stats-clip", p.Double("dpsgd.stats_clip"), "--noise", p.String(MnistSteps.Noise) } : [])),
            Release = corrected && MnistSteps.IsRelease(ctx.Params),   // the original fidelity draws no privacy noise at all
        };
        var clf = MnistSteps.SyntheticClassifierDir(ctx, vae, fidelity);
        yield return new UnitSpec($"{vae}_{fidelity}_classifier")
        {
            Inputs = [.. MnistSteps.DataFiles(ctx), .. set],
            Outputs = MnistSteps.RunOutputs(clf, "classifier.pt"),
            Params = ["mnist.test_limit", "dpsgd.synthetic_epochs", "dpsgd.lr", "dpsgd.synthetic_batch_size", "runtime.seed", "dpsgd.threads"],
            Command = UnitCommand.Privatar(p => new object[]
            {
                "mnist", "train-classifier", "--data", MnistSteps.DataDir(ctx), "--train-dir", dir, "--out", clf,
                "--epochs", p.Int("dpsgd.synthetic_epochs"), "--lr", p.Double("dpsgd.lr"), "--batch-size", p.Int("dpsgd.synthetic_batch_size"),
                "--seed", p.Long("runtime.seed"), "--test-limit", p.Int("mnist.test_limit"), "--threads", p.Int("dpsgd.threads"),
            }),
        };
    }
}
