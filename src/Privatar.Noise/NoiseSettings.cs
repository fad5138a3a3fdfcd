namespace Privatar.Noise;

/// <summary>The cake.config [noise] section: mi_bounds, classes, fidelity, dp_clip_bound (defaults live there).</summary>
public sealed record NoiseSettings(IReadOnlyList<double> MiBounds, int Classes, NoiseFidelity Fidelity, double DpClipBound)
{
    public DpNoiseOptions Dp => new(Fidelity, Classes, DpClipBound);

    /// <summary>The PSR bound and prior each MI bound implies with this class count (the prior actually used).</summary>
    public IReadOnlyList<PsrBound> PsrTable() => MiBounds.Select(m => PosteriorSuccess.FromMutualInformation(m, Classes)).ToList();
}
