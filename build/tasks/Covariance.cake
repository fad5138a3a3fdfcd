// covariance statistic per BDCT frequency component (src/Privatar.Steps/CovarianceStep.cs -> privatar vae covariance).
Task("Covariance")
    .Description("Per-frequency covariance statistic over attack frames x test cameras, original and corrected")
    .IsDependentOn("Data")
    .Does<PipelineSession>(p => p.Run("Covariance"));
