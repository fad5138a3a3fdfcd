using Privatar.Contracts.Codec;
using Privatar.Contracts.Verbs;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// The study's tables (privatar mnist gather): ε of every run from its recorded σ, q and steps by one accountant at
/// [dpsgd] delta, written to results/mnist_dp_accuracy.csv, mnist_dp_curves.csv and mnist_synthetic.csv.
/// </summary>
public static class MnistResultsStep
{
    public static readonly string[] Tables = ["mnist_dp_accuracy.csv", "mnist_dp_curves.csv", "mnist_synthetic.csv"];

    public static StepSpec Spec => new("MnistResults", "Gather accuracy vs epsilon, curves and synthetic-data results of the MNIST study")
    {
        Code = StepCode.Verbs("MnistResults", ["Privatar.DpSgd", "Privatar.Contracts"], "MnistCommand"),
        Params = VerbCommand.Distinct(MnistSteps.ListParams, VerbCommand.Params<MnistGatherArgs>()),
        Units = ctx =>
        {
            var runs = MnistSteps.DpRuns(ctx.Params).Select(r => r.Id).ToList();
            var fidelities = MnistSteps.Fidelities(ctx.Params);
            var classifiers = runs.Prepend(MnistSteps.NonPrivate).Select(id => MnistSteps.ClassifierDir(ctx, id)).ToList();
            var synthetic = runs.SelectMany(v => fidelities.Select(f => (v, f))).ToList();
            string[] RunFiles(string dir) => [$"{dir}/metrics.csv", $"{dir}/summary.json"];
            return [new UnitSpec("tables")
            {
                Inputs =
                [
                    .. classifiers.SelectMany(RunFiles),
                    .. synthetic.SelectMany(s => RunFiles(MnistSteps.SyntheticClassifierDir(ctx, s.v, s.f))),
                    .. synthetic.Select(s => $"{MnistSteps.SyntheticDir(ctx, s.v, s.f)}/synthesis.json"),
                    .. runs.Select(v => $"{MnistSteps.VaeDir(ctx, v)}/summary.json"),
                ],
                Outputs = [.. Tables.Select(t => AvatarSteps.Results(ctx, t))],
                Params = ContractCodec.Keys<MnistGatherArgs>(),
                Command = VerbCommand.Command(new MnistGatherArgs
                {
                    Results = ctx.Artifact("results"), Classifier = classifiers,
                    Synthetic = [.. synthetic.Select(s => MnistSteps.SyntheticClassifierDir(ctx, s.v, s.f))],
                }),
            }];
        },
    };
}
