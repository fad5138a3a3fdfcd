// DP and PAC noise files per fidelity, target and MI bound (src/Privatar.Steps/NoiseStep.cs, in-process:
// Privatar.Noise is MathNet only), plus results/noise_summary.csv, noise_vectors.csv and psr_bounds.csv.
Task("Noise")
    .Description("DP and PAC noise on the test latents, per fidelity, target and MI bound, with the original's file names ([noise])")
    .IsDependentOn("Evaluate")
    .Does<PipelineSession>(p => p.Run("Noise"));
