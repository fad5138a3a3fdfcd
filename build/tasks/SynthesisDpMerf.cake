// The DP image-synthesis benchmark (src/Privatar.Steps/SynthesisSteps.cs).
Task("SynthesisDpMerf")
    .Description("DP-MERF releases per dataset and target epsilon (a per-method target: generation only)")
    .IsDependentOn("SynthesisData")
    .Does<PipelineSession>(p => p.Run("SynthesisDpMerf"));
