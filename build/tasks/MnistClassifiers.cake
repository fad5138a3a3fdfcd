// The MNIST DP study (src/Privatar.Steps/MnistClassifiersStep.cs).
Task("MnistClassifiers")
    .Description("Train the MNIST CNN non-privately and with DP-SGD at each [dpsgd] noise multiplier and target epsilon")
    .IsDependentOn("MnistData")
    .Does<PipelineSession>(p => p.Run("MnistClassifiers"));
