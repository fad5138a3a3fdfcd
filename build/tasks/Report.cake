// Report (src/Privatar.Steps/ReportStep.cs -> privatar report): report/index.html and report.md.
// It runs the Verify step itself instead of depending on the Verify task, so failed claims are written into the
// report first and fail the build afterwards (the Verify task would stop the build before the report exists).
// Default must therefore end with Report and not list Verify. Its dependencies are Report's and Verify's edges in
// the plan's step graph (build/build.cake, RegisterStepTasks).
var reportTask = Task("Report")
    .Description("The reviewer report (HTML + Markdown) with figures, verify results and provenance; fails afterwards if a claim failed")
    .Does<PipelineSession>(p =>
    {
        p.Run("Verify");
        p.Run("Report");
        p.Log.Info($"report: {System.IO.Path.Combine(p.Layout.Tree, "report", "index.html")}");
        var outcome = Privatar.Steps.VerifyGate.Print(System.IO.Path.Combine(p.Layout.Tree, "report", "verify.csv"), p.Log, passed: false);
        if (outcome.Failed > 0) throw new Exception($"Verify: {outcome.Summary} (the report shows them)");
    });
