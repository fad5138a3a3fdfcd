// The DP image-synthesis benchmark alone: data, evaluators, every method's releases, evaluation, synthesis.csv.
Task("Synthesis")
    .Description("The DP image-synthesis benchmark alone (no avatar steps): through results/synthesis.csv")
    .IsDependentOn("SynthesisEvaluate");
