using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>The study's MLP VAE trained with DP-SGD at the classifiers' settings: one unit per noise multiplier and target ε (mnist/vae/&lt;id&gt;/).</summary>
public static class MnistVaeStep
{
    public static StepSpec Spec => new("MnistVae", "Train the MNIST DP-VAE at each [dpsgd] noise multiplier and target epsilon")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Verbs("MnistVae", ["Privatar.DpSgd", "Privatar.Contracts"], "MnistCommand"),
        Params = VerbCommand.Distinct(MnistSteps.ListParams, VerbCommand.Params<MnistVaeArgs>()),
        Units = ctx => MnistSteps.DpRuns(ctx.Params).Select(r =>
        {
            var dir = MnistSteps.VaeDir(ctx, r.Id);
            return new UnitSpec(r.Id)
            {
                Inputs = [.. MnistSteps.DataFiles(ctx)],
                Outputs = MnistSteps.RunOutputs(dir, "vae.pt"),
                Params = MnistSteps.TrainKeys<MnistVaeArgs>(r),
                Release = MnistSteps.IsRelease(ctx.Params),
                Command = VerbCommand.Command(new MnistVaeArgs
                {
                    Data = MnistSteps.DataDir(ctx), Out = dir,
                    NoiseMultiplier = r.Calibrated ? null : r.Value, TargetEpsilon = r.Calibrated ? r.Value : null,
                }),
            };
        }),
    };
}
