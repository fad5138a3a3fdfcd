// The DP image-synthesis benchmark (src/Privatar.Steps/SynthesisSteps.cs).
Task("SynthesisEvaluate")
    .Description("TSTR and local-CNN feature metrics of every released set and the real data; results/synthesis.csv")
    .IsDependentOn("SynthesisEvaluator")
    .IsDependentOn("SynthesisDpMerf")
    .IsDependentOn("SynthesisDpCgan")
    .IsDependentOn("SynthesisDpVae")
    .Does<PipelineSession>(p => p.Run("SynthesisEvaluate"));
