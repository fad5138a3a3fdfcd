// Step 5: test the baseline, direct split and every partition n with DP/PAC noise on the offloaded latent, and
// write the reconstruction grid (src/Privatar.Steps/NoisyInferenceStep.cs -> privatar vae noisy-test|noisy-grid).
var noisyInference = Task("NoisyInference")
    .Description("Test with DP/PAC noise on the offloaded latent per model, fidelity and MI bound; the reconstruction grid ([noise], [noisy_inference])")
    .IsDependentOn("Evaluate")
    .Does<PipelineSession>(p => p.Run("NoisyInference"));
// The noise files come from the Noise task (steps 4a/4b, #loaded before this file). Until that step is merged the
// task does not exist, and the files must be in artifacts/<profile>/noise/ already (the step then names them missing).
if (Tasks.Any(t => t.Name == "Noise")) noisyInference.IsDependentOn("Noise");
