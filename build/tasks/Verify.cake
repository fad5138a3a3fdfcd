// Verify (src/Privatar.Steps/VerifyStep.cs -> privatar verify --out): the unit records every claim in
// report/verify.csv and succeeds; this task then prints the table, ends with "N passed, M failed" and fails on M > 0.
// Its dependencies come from the plan's step graph (build/build.cake, RegisterStepTasks).
var verifyTask = Task("Verify")
    .Description("Check the results against verify/expected-<profile>.csv; fails if any claim fails")
    .Does<PipelineSession>(p =>
    {
        p.Run("Verify");
        var outcome = Privatar.Steps.VerifyGate.Print(System.IO.Path.Combine(p.Layout.Tree, "report", "verify.csv"), p.Log);
        if (outcome.Failed > 0) throw new Exception($"Verify: {outcome.Summary}");
    });
