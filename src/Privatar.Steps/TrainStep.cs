using Privatar.Contracts;
using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
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
    /// <summary>What every fidelity key accepts: the corrected code, or the original's quirks.</summary>
    public static readonly string[] Fidelities = [.. Enum.GetNames<TrainingFidelity>().Select(ContractCodec.Snake)];

    /// <summary>The original's checkpoint, or none: it chooses every unit's inputs and reaches the verb as a path.</summary>
    const string PretrainedKey = "train.pretrained";

    public static StepSpec Spec => new("Train", "Train every variant and configuration ([train]); variants start from the baseline checkpoint (every unit from the original's with [train] pretrained)")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Vae("Train", "TrainCommand", "GatherCommand"),
        Params = VerbCommand.Distinct(AvatarSteps.ListParams, VerbCommand.Params<VaeTrainArgs>(), [P.String(PretrainedKey)]),
        Units = ctx =>
        {
            var paths = AvatarSteps.Paths(ctx);
            var models = AvatarSteps.Models(ctx.Params);
            var baseline = paths.Train(ModelConfig.Baseline).Checkpoint[0];
            // With the original's checkpoint every unit starts from it (an input, so its content is in the stamp).
            var pretrained = ctx.Params.String(PretrainedKey) is var text && text != "none" ? text : null;
            var units = models.Select(m =>
            {
                var dir = AvatarSteps.TrainDir(ctx, m.Id);
                var isBaseline = m.Variant == VaeVariant.Baseline;
                return new UnitSpec(m.Id)
                {
                    Inputs = pretrained is not null ? [paths.Manifest, pretrained]
                        : isBaseline ? [paths.Manifest] : [paths.Manifest, baseline],
                    Outputs = [$"{dir}/best_model.pt", $"{dir}/model.pt", $"{dir}/checkpoint.json", $"{dir}/training_curves.csv"],
                    Params = ContractCodec.Keys<VaeTrainArgs>(m.Variant),
                    Command = VerbCommand.Command(new VaeTrainArgs
                    {
                        Data = paths.Subject, Model = m, Out = dir, Pretrained = pretrained, Baseline = pretrained is null && !isBaseline ? baseline : null,
                    }),
                };
            }).ToList();
            var curves = models.Select(m => $"{AvatarSteps.TrainDir(ctx, m.Id)}/training_curves.csv").ToArray();
            units.Add(new UnitSpec("curves")
            {
                Inputs = curves,
                Outputs = [paths.Results("training_curves.csv")],
                Params = [],
                Command = VerbCommand.Command(new VaeGatherArgs { Family = VaeGatherFamily.TrainingCurves, Slices = curves, Out = paths.Results("training_curves.csv") }),
            });
            return units;
        },
    };
}
