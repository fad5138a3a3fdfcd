Task("Clean")
    .Description("Delete the profile's outputs and stamps (artifacts/<profile>/), or one step's with --step=<Step>")
    .Does<PipelineSession>(p => p.Clean(Argument<string>("step", null)));
