// The DP image-synthesis benchmark (src/Privatar.Steps/SynthesisSteps.cs).
Task("SynthesisEvaluator")
    .Description("Train the evaluator CNN per dataset: the local feature space of FID/KID/PRDC (not Inception)")
    .IsDependentOn("SynthesisData")
    .Does<PipelineSession>(p => p.Run("SynthesisEvaluator"));
