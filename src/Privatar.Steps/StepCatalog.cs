using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// Every step of the Privatar pipeline, in run order (a step may read only outputs of steps above it).
/// Each step is declared in its own file here as a <see cref="StepSpec"/> whose units run a
/// <c>privatar</c> verb through its contract; build/build.cake registers one Cake task per step from this list (its
/// description and edges from the plan). See README, "Adding a pipeline step".
/// </summary>
public static class StepCatalog
{
    public static IReadOnlyList<StepSpec> All { get; } =
    [
        DataStep.Spec,
        TrainStep.Spec,
        EvaluateStep.Spec,
        LatencyStep.Spec,
        CovarianceStep.Spec,
        NoiseStep.Spec,
        NoisyInferenceStep.Spec,
        AttackStep.Spec,
        .. MnistSteps.All, // MnistData, MnistClassifiers, MnistVae, MnistSynthetic, MnistResults, MnistAudit
        .. SynthesisSteps.All, // SynthesisData, SynthesisEvaluator, SynthesisDpMerf, SynthesisDpCgan, SynthesisDpdm, SynthesisDpdmReplicates, SynthesisDpVae, SynthesisGPate, SynthesisDataLens, SynthesisGsWgan, SynthesisPsg, SynthesisEvaluate
        FiguresStep.SynthesisSpec,
        FiguresStep.Spec, VerifyStep.Spec, ReportStep.Spec,
    ];
}
