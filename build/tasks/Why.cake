Task("Why")
    .Description("Why the units of one step would rerun, with the stale units upstream of them (--step=<Step>)")
    .Does<PipelineSession>(p => PipelineHost.Print(p, StatusReport.Why(p, PipelineHost.RequiredArgument(Context, "step", "Train"))));
