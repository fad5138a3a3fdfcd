namespace Privatar.Noise;

/// <summary>What an MI bound stands for, computed in one place for the noise tables and the noisy-inference rows.</summary>
public static class MiBound
{
    /// <summary>The PSR the bound implies: corrected, the Fano root for K classes; original, its hard-coded value (or its own equation's root for K = 65).</summary>
    public static double Psr(NoiseFidelity fidelity, double mi, int classes) =>
        fidelity == NoiseFidelity.Original ? OriginalArtifact.PsrFor(mi) : PosteriorSuccess.FromMutualInformation(mi, classes).SuccessRate;
}
