Task("Clean")
    .Description("Delete the profile's outputs and stamps (artifacts/<profile>/), one step's with --step=<Step>, or with --orphans only the files no unit of the current plan declares")
    .Does<PipelineSession>(p =>
    {
        if (HasArgument("orphans")) p.CleanOrphans();
        else p.Clean(Argument<string>("step", null));
    });
