using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// The study's CNN on real MNIST: one non-private run, one DP-SGD run per [dpsgd] noise multiplier and one per target ε
/// (σ calibrated in the unit by the accountant at δ for the run's own q and steps). Each writes classifier.pt,
/// metrics.csv (per epoch) and summary.json (σ, q, steps) into mnist/classifiers/&lt;id&gt;/.
/// </summary>
public static class MnistClassifiersStep
{
    public static StepSpec Spec => new("MnistClassifiers", "Train the MNIST CNN non-privately and with DP-SGD at each [dpsgd] noise multiplier and target epsilon")
    {
        Concurrent = true,   // single-threaded, untimed units ([pipeline] jobs)
        Code = StepCode.Verbs("MnistClassifiers", ["Privatar.DpSgd"], "MnistCommand"),
        Params = MnistSteps.AllParams,
        Units = ctx => MnistSteps.DpRuns(ctx.Params).Select(r => (r.Id, (MnistSteps.DpRun?)r)).Prepend((MnistSteps.NonPrivate, null)).Select(x =>
        {
            var dir = MnistSteps.ClassifierDir(ctx, x.Id);
            return new UnitSpec(x.Id)
            {
                Inputs = [.. MnistSteps.DataFiles(ctx)],
                Outputs = MnistSteps.RunOutputs(dir, "classifier.pt"),
                Params = x.Item2 is { } r ? [.. MnistSteps.TrainKeys, .. MnistSteps.DpKeys(r)] : MnistSteps.TrainKeys,
                Release = x.Item2 is not null && MnistSteps.IsRelease(ctx.Params),
                Command = UnitCommand.Privatar(p => new object[] { "mnist", "train-classifier", "--out", dir }
                    .Concat(MnistSteps.TrainOptions(ctx, p)).Concat(x.Item2 is { } r ? MnistSteps.DpOptions(r, p) : [])),
            };
        }),
    };
}
