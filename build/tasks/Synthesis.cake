// The DP image-synthesis benchmark alone (no avatar steps): its step tasks (SynthesisData ... SynthesisEvaluate, and one
// per method, SynthesisDpMerf, SynthesisDpCgan, SynthesisDpdm, SynthesisDpdmReplicates (the ablation's further draws), SynthesisDpVae, SynthesisGPate, SynthesisDataLens, SynthesisGsWgan, SynthesisPsg, for that method's releases, and SynthesisFigures) come from StepCatalog.
Task("Synthesis")
    .Description("The DP image-synthesis benchmark alone (no avatar steps): through results/synthesis.csv and its figures")
    .IsDependentOn("SynthesisFigures");
