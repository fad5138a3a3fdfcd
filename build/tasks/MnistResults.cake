// The MNIST DP study (src/Privatar.Steps/MnistResultsStep.cs).
Task("MnistResults")
    .Description("Gather accuracy vs epsilon, curves and synthetic-data results of the MNIST study")
    .IsDependentOn("MnistClassifiers")   // first: the headline runs (non-private, DP at each budget)
    .IsDependentOn("MnistSynthetic")
    .Does<PipelineSession>(p => p.Run("MnistResults"));
