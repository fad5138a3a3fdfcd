using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// Evaluate (not named Test: "Test" is the test-suite target): one unit per trained model (<c>privatar vae test</c>),
/// writing test_metrics.csv, z.npy (+ z_offload.npy for split models) and samples.tsv into test/&lt;id&gt;/, then
/// results/test_metrics.csv.
/// </summary>
public static class EvaluateStep
{
    public static StepSpec Spec => new("Evaluate", "Test every trained model: screen/tex/vert MSE, KL, SSIM (LPIPS with weights), latents as .npy ([test])")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Vae("Evaluate", "TestCommand", "GatherCommand"),
        Params = VerbCommand.Distinct(AvatarSteps.ListParams, VerbCommand.Params<VaeTestArgs>()),
        Units = ctx =>
        {
            var models = AvatarSteps.Models(ctx.Params);
            var units = models.Select(m =>
            {
                var train = AvatarSteps.TrainDir(ctx, m.Id);
                var dir = AvatarSteps.TestDir(ctx, m.Id);
                var outs = new List<string> { $"{dir}/test_metrics.csv", $"{dir}/z.npy", $"{dir}/samples.tsv" };
                if (m.Offloads) outs.Add($"{dir}/z_offload.npy");
                return new UnitSpec(m.Id)
                {
                    Inputs = [AvatarSteps.Manifest(ctx), $"{train}/best_model.pt", $"{train}/checkpoint.json"],
                    Outputs = outs,
                    Params = ContractCodec.Keys<VaeTestArgs>(),
                    Command = VerbCommand.Command(new VaeTestArgs { Data = AvatarSteps.Subject(ctx), CheckpointDir = train, Out = dir }),
                };
            }).ToList();
            var metrics = models.Select(m => $"{AvatarSteps.TestDir(ctx, m.Id)}/test_metrics.csv").ToArray();
            units.Add(new UnitSpec("metrics")
            {
                Inputs = metrics,
                Outputs = [AvatarSteps.Results(ctx, "test_metrics.csv")],
                Params = [],
                Command = VerbCommand.Command(new VaeGatherArgs { Family = VaeGatherFamily.TestMetrics, Slices = metrics, Out = AvatarSteps.Results(ctx, "test_metrics.csv") }),
            });
            return units;
        },
    };
}
