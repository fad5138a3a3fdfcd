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
        Params =
        [
            .. AvatarSteps.ListParams, P.Int("test.batches").AtLeast(1), P.Int("test.batch_size").AtLeast(1), P.String("test.lpips_weights"),
            P.Int("runtime.seed"), P.Int("train.threads").Unstamped(), P.String("runtime.device"),
        ],
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
                    Params = ["test.batches", "test.batch_size", "test.lpips_weights", "runtime.seed", "train.threads", "runtime.device"],
                    Command = UnitCommand.Privatar(p => new object[]
                    {
                        "vae", "test", "--data", AvatarSteps.Subject(ctx), "--checkpoint-dir", train, "--out", dir,
                        "--batches", p.Int("test.batches"), "--batch-size", p.Int("test.batch_size"), "--lpips-weights", p.String("test.lpips_weights"),
                        "--seed", p.Long("runtime.seed"), "--threads", p.Int("train.threads"), "--device", p.String("runtime.device"),
                    }),
                };
            }).ToList();
            var metrics = models.Select(m => $"{AvatarSteps.TestDir(ctx, m.Id)}/test_metrics.csv").ToArray();
            units.Add(new UnitSpec("metrics")
            {
                Inputs = metrics,
                Outputs = [AvatarSteps.Results(ctx, "test_metrics.csv")],
                Params = [],
                Command = UnitCommand.Privatar(_ => new object[] { "vae", "gather", "--family", "test_metrics.csv", "--out", AvatarSteps.Results(ctx, "test_metrics.csv") }.Concat(metrics)),
            });
            return units;
        },
    };
}
