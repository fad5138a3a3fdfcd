// empirical and NN attacks (src/Privatar.Steps/AttackStep.cs -> privatar attack empirical|nn|gather).
Task("Attack")
    .Description("Empirical and NN identification attacks on the offloaded latent per n, fidelity and MI bound")
    .IsDependentOn("Train")
    .IsDependentOn("Noise")
    .Does<PipelineSession>(p => p.Run("Attack"));
