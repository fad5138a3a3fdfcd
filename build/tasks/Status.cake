Task("Status")
    .Description("Every unit as up-to-date, STALE (with reasons) or maybe, and the estimated rebuild time; runs nothing")
    .Does<PipelineSession>(p => PipelineHost.Print(p, StatusReport.Format(p, p.Status())));
