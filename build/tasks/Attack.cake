// Steps 6-7: empirical and NN attacks (src/Privatar.Steps/AttackStep.cs -> privatar attack empirical|nn|gather).
Task("Attack")
    .Description("Empirical and NN identification attacks on the offloaded latent per n, fidelity and MI bound")
    .IsDependentOn("Train")   // and on Noise (its noise files), once that step is merged
    .Does<PipelineSession>(p => p.Run("Attack"));
