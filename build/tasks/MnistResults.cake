// Issue 9, the MNIST DP study (src/Privatar.Steps/MnistResultsStep.cs).
Task("MnistResults")
    .Description("Gather accuracy vs epsilon, curves and synthetic-data results of the MNIST study")
    .IsDependentOn("MnistSynthetic")
    .IsDependentOn("MnistClassifiers")
    .Does<PipelineSession>(p => p.Run("MnistResults"));
