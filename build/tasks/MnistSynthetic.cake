// The MNIST DP study (src/Privatar.Steps/MnistSyntheticStep.cs).
Task("MnistSynthetic")
    .Description("Synthesize MNIST from each DP-VAE under each synthesis fidelity; train a CNN on each set")
    .IsDependentOn("MnistVae")
    .Does<PipelineSession>(p => p.Run("MnistSynthetic"));
