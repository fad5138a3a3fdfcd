// The DP image-synthesis benchmark (src/Privatar.Steps/SynthesisSteps.cs).
Task("SynthesisDpVae")
    .Description("DP-VAE releases (both fidelities) per dataset and target epsilon (a per-method target: generation only)")
    .IsDependentOn("SynthesisData")
    .Does<PipelineSession>(p => p.Run("SynthesisDpVae"));
