// test every trained model (src/Privatar.Steps/EvaluateStep.cs -> privatar vae test). Named Evaluate
// because Test is the test-suite target.
Task("Evaluate")
    .Description("Test every trained model: screen/tex/vert MSE, KL, SSIM (LPIPS with weights), latents as .npy ([test])")
    .IsDependentOn("Train")
    .Does<PipelineSession>(p => p.Run("Evaluate"));
