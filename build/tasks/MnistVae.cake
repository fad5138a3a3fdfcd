// The MNIST DP study (src/Privatar.Steps/MnistVaeStep.cs).
Task("MnistVae")
    .Description("Train the MNIST DP-VAE at each [dpsgd] noise multiplier and target epsilon")
    .IsDependentOn("MnistData")
    .Does<PipelineSession>(p => p.Run("MnistVae"));
