Task("Why")
    .Description("Why the units of one step would rerun, with the stale units upstream of them (--step=<Step>)")
    .Does<Privatar.Pipeline.Pipeline>(p => PipelineHost.Print(p, StatusReport.Why(p, PipelineHost.RequiredArgument(Context, "step", "Train"))));
