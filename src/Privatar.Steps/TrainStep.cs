using Privatar.Contracts;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// Step 1: one unit per configuration (<c>privatar vae train</c>), writing best_model.pt, model.pt, checkpoint.json and
/// training_curves.csv into train/&lt;id&gt;/; every variant reads the baseline's best checkpoint. Each variant has its own
/// max_iter key, so changing one variant's length reruns only its units and their dependents. A last unit gathers the
/// curves into results/training_curves.csv.
/// </summary>
public static class TrainStep
{
    static readonly string[] Shared = ["train.val_every", "train.val_num", "train.batch_size", "train.lambda_screen", "train.fidelity", "runtime.seed", "train.threads", "runtime.device"];

    public static StepSpec Spec => new("Train", "train every variant and configuration (step 1)")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = [.. AvatarSteps.DataCode, .. AvatarSteps.ModelCode, .. AvatarSteps.TrainCode, "src/Privatar.Steps/TrainStep.cs"],
        Params =
        [
            .. AvatarSteps.ListParams, .. ModelVariants.All.Select(v => P.Int(v.MaxIterKey)),
            P.Int("train.val_every"), P.Int("train.val_num"), P.Int("train.batch_size"), P.Double("train.lambda_screen"), P.String("train.fidelity"),
            P.Int("runtime.seed"), P.Int("train.threads").Unstamped(), P.String("runtime.device"),
        ],
        Units = ctx =>
        {
            var models = AvatarSteps.Models(ctx.Params);
            var baseline = AvatarSteps.Paths(ctx).Train(ModelConfig.Baseline).Checkpoint[0];
            var units = models.Select(m =>
            {
                var dir = AvatarSteps.TrainDir(ctx, m.Id);
                var maxIter = m.MaxIterKey;
                var isBaseline = m.Variant == VaeVariant.Baseline;
                return new UnitSpec(m.Id)
                {
                    Inputs = isBaseline ? [AvatarSteps.Manifest(ctx)] : [AvatarSteps.Manifest(ctx), baseline],
                    Outputs = [$"{dir}/best_model.pt", $"{dir}/model.pt", $"{dir}/checkpoint.json", $"{dir}/training_curves.csv"],
                    Params = [maxIter, .. Shared],
                    Command = UnitCommand.Privatar(p => new object[]
                    {
                        "vae", "train", "--data", AvatarSteps.Subject(ctx) }.Concat(AvatarSteps.VariantArgs(m)).Concat(new object[] {
                        "--out", dir, "--max-iter", p.Int(maxIter), "--val-every", p.Int("train.val_every"), "--val-num", p.Int("train.val_num"),
                        "--batch-size", p.Int("train.batch_size"), "--lambda-screen", p.Double("train.lambda_screen"),
                        "--fidelity", p.String("train.fidelity"), "--seed", p.Long("runtime.seed"),
                        "--threads", p.Int("train.threads"), "--device", p.String("runtime.device"),
                    }).Concat(isBaseline ? [] : new object[] { "--baseline", baseline })),
                };
            }).ToList();
            var curves = models.Select(m => $"{AvatarSteps.TrainDir(ctx, m.Id)}/training_curves.csv").ToArray();
            units.Add(new UnitSpec("curves")
            {
                Inputs = curves,
                Outputs = [AvatarSteps.Results(ctx, "training_curves.csv")],
                Params = [],
                Command = UnitCommand.Privatar(_ => new object[] { "vae", "gather", "--family", "training_curves.csv", "--out", AvatarSteps.Results(ctx, "training_curves.csv") }.Concat(curves)),
            });
            return units;
        },
    };
}
