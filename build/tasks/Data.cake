// the procedural Multiface subject and its manifest (src/Privatar.Steps/DataStep.cs).
Task("Data")
    .Description("Generate the procedural Multiface subject for the profile ([data])")
    .Does<PipelineSession>(p => p.Run("Data"));
