// one unit per variant and configuration of [train] (src/Privatar.Steps/TrainStep.cs -> privatar vae train).
Task("Train")
    .Description("Train every variant and configuration ([train]); variants start from the baseline checkpoint")
    .IsDependentOn("Data")
    .Does<PipelineSession>(p => p.Run("Train"));
