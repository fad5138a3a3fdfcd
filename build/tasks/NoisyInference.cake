// test the baseline, direct split and every partition n with DP/PAC noise on the offloaded latent, and
// write the reconstruction grid (src/Privatar.Steps/NoisyInferenceStep.cs -> privatar vae noisy-test|noisy-grid).
Task("NoisyInference")
    .Description("Test with DP/PAC noise on the offloaded latent per model, fidelity and MI bound; the reconstruction grid ([noise], [noisy_inference])")
    .IsDependentOn("Noise")
    .Does<PipelineSession>(p => p.Run("NoisyInference"));
