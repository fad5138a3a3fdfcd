using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>The study's MLP VAE trained with DP-SGD at the classifiers' settings: one unit per noise multiplier and target ε (mnist/vae/&lt;id&gt;/).</summary>
public static class MnistVaeStep
{
    public static StepSpec Spec => new("MnistVae", "Train the MNIST DP-VAE at each [dpsgd] noise multiplier and target epsilon")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Verbs("MnistVae", ["Privatar.DpSgd"], "MnistCommand"),
        Params = MnistSteps.AllParams,
        Units = ctx => MnistSteps.DpRuns(ctx.Params).Select(r =>
        {
            var dir = MnistSteps.VaeDir(ctx, r.Id);
            return new UnitSpec(r.Id)
            {
                Inputs = [.. MnistSteps.DataFiles(ctx)],
                Outputs = MnistSteps.RunOutputs(dir, "vae.pt"),
                Params = [.. MnistSteps.TrainKeys, .. MnistSteps.DpKeys(r), "dpsgd.latent_dim", "dpsgd.vae_fidelity"],
                Release = MnistSteps.IsRelease(ctx.Params),
                Command = UnitCommand.Privatar(p => new object[] { "mnist", "train-vae", "--out", dir }
                    .Concat(MnistSteps.TrainOptions(ctx, p)).Concat(MnistSteps.DpOptions(r, p))
                    .Concat(new object[] { "--latent-dim", p.Int("dpsgd.latent_dim"), "--fidelity", p.String("dpsgd.vae_fidelity") })),
            };
        }),
    };
}
