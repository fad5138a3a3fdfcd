using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// The study's CNN on real MNIST: one non-private run, one DP-SGD run per [dpsgd] noise multiplier and one per target ε
/// (σ calibrated in the unit by the accountant at δ for the run's own q and steps). Each writes classifier.pt,
/// metrics.csv (per epoch) and summary.json (σ, q, steps) into mnist/classifiers/&lt;id&gt;/.
/// </summary>
public static class MnistClassifiersStep
{
    /// <summary>What a run on real MNIST does not read: the settings of a classifier trained on a synthetic set.</summary>
    static readonly string[] SyntheticOnly = [nameof(MnistClassifierArgs.SyntheticEpochs), nameof(MnistClassifierArgs.SyntheticBatchSize)];

    public static StepSpec Spec => new("MnistClassifiers", "Train the MNIST CNN non-privately and with DP-SGD at each [dpsgd] noise multiplier and target epsilon")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Verbs("MnistClassifiers", ["Privatar.DpSgd", "Privatar.Contracts"], "MnistCommand"),
        Params = VerbCommand.Distinct(MnistSteps.ListParams, VerbCommand.Params<MnistClassifierArgs>()),
        Units = ctx => MnistSteps.DpRuns(ctx.Params).Select(r => (MnistSteps.DpRun?)r).Prepend(null).Select(r =>
        {
            var id = r?.Id ?? MnistSteps.NonPrivate;
            var dir = MnistSteps.ClassifierDir(ctx, id);
            return new UnitSpec(id)
            {
                Inputs = [.. MnistSteps.DataFiles(ctx)],
                Outputs = MnistSteps.RunOutputs(dir, "classifier.pt"),
                Params = MnistSteps.TrainKeys<MnistClassifierArgs>(r, SyntheticOnly),
                Release = r is not null && MnistSteps.IsRelease(ctx.Params),
                Command = VerbCommand.Command(new MnistClassifierArgs
                {
                    Data = MnistSteps.DataDir(ctx), Out = dir,
                    NoiseMultiplier = r is { Calibrated: false } ? r.Value : null, TargetEpsilon = r is { Calibrated: true } ? r.Value : null,
                }),
            };
        }),
    };
}
