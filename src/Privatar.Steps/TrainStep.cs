using Privatar.Contracts;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// One unit per configuration (<c>privatar vae train</c>), writing best_model.pt, model.pt, checkpoint.json and
/// training_curves.csv into train/&lt;id&gt;/; every variant reads the baseline's best checkpoint, or, with [train] pretrained,
/// every unit reads the original's PyTorch checkpoint. Each variant has its own
/// max_iter key, so changing one variant's length reruns only its units and their dependents. A last unit gathers the
/// curves into results/training_curves.csv.
/// </summary>
public static class TrainStep
{
    /// <summary>What every --fidelity option accepts: the corrected code, or the original's quirks.</summary>
    public static readonly string[] Fidelities = ["corrected", "original"];

    static readonly string[] Shared = ["train.val_every", "train.val_num", "train.batch_size", "train.lambda_screen", "train.fidelity", "runtime.seed", "train.threads", "runtime.device"];

    public static StepSpec Spec => new("Train", "Train every variant and configuration ([train]); variants start from the baseline checkpoint (every unit from the original's with [train] pretrained)")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Vae("Train", "TrainCommand", "GatherCommand"),
        Params =
        [
            .. AvatarSteps.ListParams, .. ModelVariants.All.Select(v => P.Int(v.MaxIterKey).AtLeast(1)),
            P.Int("train.val_every").AtLeast(1), P.Int("train.val_num").AtLeast(0), P.Int("train.batch_size").AtLeast(1), P.Double("train.lambda_screen").AtLeast(0),
            P.String("train.fidelity").OneOf(Fidelities),
            P.Int("runtime.seed"), P.Int("train.threads").AtLeast(0).Unstamped(), P.String("runtime.device"), P.String("train.pretrained"),
        ],
        Units = ctx =>
        {
            var models = AvatarSteps.Models(ctx.Params);
            var baseline = AvatarSteps.Paths(ctx).Train(ModelConfig.Baseline).Checkpoint[0];
            // With the original's checkpoint every unit starts from it (an input, so its content is in the stamp).
            var pretrained = ctx.Params.String("train.pretrained") is var text && text != "none" ? text : null;
            var units = models.Select(m =>
            {
                var dir = AvatarSteps.TrainDir(ctx, m.Id);
                var maxIter = m.MaxIterKey;
                var isBaseline = m.Variant == VaeVariant.Baseline;
                return new UnitSpec(m.Id)
                {
                    Inputs = pretrained is not null ? [AvatarSteps.Manifest(ctx), pretrained]
                        : isBaseline ? [AvatarSteps.Manifest(ctx)] : [AvatarSteps.Manifest(ctx), baseline],
                    Outputs = [$"{dir}/best_model.pt", $"{dir}/model.pt", $"{dir}/checkpoint.json", $"{dir}/training_curves.csv"],
                    Params = [maxIter, .. Shared],
                    Command = UnitCommand.Privatar(p => new object[]
                    {
                        "vae", "train", "--data", AvatarSteps.Subject(ctx) }.Concat(AvatarSteps.VariantArgs(m)).Concat(new object[] {
                        "--out", dir, "--max-iter", p.Int(maxIter), "--val-every", p.Int("train.val_every"), "--val-num", p.Int("train.val_num"),
                        "--batch-size", p.Int("train.batch_size"), "--lambda-screen", p.Double("train.lambda_screen"),
                        "--fidelity", p.String("train.fidelity"), "--seed", p.Long("runtime.seed"),
                        "--threads", p.Int("train.threads"), "--device", p.String("runtime.device"),
                    }).Concat(pretrained is not null ? new object[] { "--pretrained", pretrained }
                        : isBaseline ? [] : new object[] { "--baseline", baseline })),
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
