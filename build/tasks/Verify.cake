// Verify (src/Privatar.Steps/VerifyStep.cs -> privatar verify --out): the unit records every claim in
// report/verify.csv and succeeds; this task then prints the table, ends with "N passed, M failed" and fails on M > 0.
var verifyTask = Task("Verify")
    .Description("Check the results against verify/expected-<profile>.csv; fails if any claim fails")
    .Does<PipelineSession>(p =>
    {
        p.Run("Verify");
        var outcome = Privatar.Steps.VerifyGate.Print(System.IO.Path.Combine(p.Layout.Tree, "report", "verify.csv"), p.Log);
        if (outcome.Failed > 0) throw new Exception($"Verify: {outcome.Summary}");
    });
foreach (var upstream in Privatar.Steps.StepCatalog.All.TakeWhile(s => s.Name != "Figures")) verifyTask.IsDependentOn(upstream.Name);
