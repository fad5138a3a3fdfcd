namespace Privatar.Noise;

/// <summary>Settings of the DP noise step (cake.config [noise]).</summary>
/// <param name="Fidelity">original or corrected</param>
/// <param name="Classes">K for the corrected PSR and prior (the original always uses its hard-coded PSRs and 1/56)</param>
/// <param name="ClipBound">corrected only: per-user latent L2 clip bound C; the sensitivity is 2C</param>
public sealed record DpNoiseOptions(NoiseFidelity Fidelity, int Classes, double ClipBound);

/// <summary>One calibrated isotropic Gaussian noise and the vector written to its file.</summary>
/// <param name="Sensitivity">Δ the noise was calibrated to</param>
/// <param name="Sigma">σ = Δ·σ/Δ, the calibrated standard deviation</param>
/// <param name="AppliedStd">the standard deviation a consumer actually adds when it reads the file as a covariance diagonal</param>
/// <param name="FileValue">the value repeated d times in the .npy vector</param>
/// <param name="Capped">original only: σ² hit the script's 9999999999 starting value</param>
/// <param name="ClippedFraction">corrected only: share of latent rows whose norm exceeds the clip bound (0 under original)</param>
public sealed record DpNoiseResult(
    double MutualInformation, NoiseFidelity Fidelity, RdpCalibration Calibration, double Sensitivity,
    double Sigma, double AppliedStd, double FileValue, int Dimension, bool Capped, double ClippedFraction)
{
    public double[] FileVector() => Enumerable.Repeat(FileValue, Dimension).ToArray();
}

/// <summary>RDP Gaussian noise calibrated to the PSR that an MI bound implies.</summary>
public static class DpNoise
{
    public static DpNoiseResult Compute(double[,] latents, double mutualInformation, DpNoiseOptions options)
    {
        var dimension = latents.GetLength(1);
        return options.Fidelity == NoiseFidelity.Original
            ? Original(latents, mutualInformation, dimension)
            : Corrected(latents, mutualInformation, dimension, options);
    }

    // As dp_noise_generation_*.py: Δ = ‖Z‖_F of the whole test-set matrix, hard-coded PSR, prior 1/56,
    // σ² = α·Δ²/divisor minimised over α = 2..19 (starting from 9999999999), and the file holds σ, which the
    // model then uses as a variance (np.diag(np.load(p)) as the covariance), so the applied std is √σ.
    static DpNoiseResult Original(double[,] latents, double mi, int dimension)
    {
        var psr = OriginalArtifact.PsrFor(mi);
        var prior = 1.0 / OriginalArtifact.PriorClasses;
        var c = LatentStatistics.FrobeniusNorm(latents);
        var cSquare = c * c;
        var minimal = OriginalArtifact.SigmaSquaredCap;
        var bestAlpha = 0;
        for (var alpha = OriginalArtifact.AlphaMin; alpha <= OriginalArtifact.AlphaMax; alpha++)
        {
            var divisor = 2.0 * alpha / (alpha - 1) * Math.Log(psr) - 2.0 * Math.Log(prior);
            if (divisor <= 0) continue;
            var sigmaSquare = alpha * cSquare / divisor;
            if (sigmaSquare < minimal) (minimal, bestAlpha) = (sigmaSquare, alpha);
        }
        var calibration = RdpGaussian.Calibrate(psr, prior);
        var capped = bestAlpha == 0;
        var sigma = Math.Sqrt(minimal);
        var multiplier = c > 0 ? sigma / c : calibration.NoiseMultiplier;
        return new(mi, NoiseFidelity.Original, calibration with { Alpha = capped ? calibration.Alpha : bestAlpha, NoiseMultiplier = multiplier }, c,
            sigma, Math.Sqrt(sigma), sigma, dimension, capped, 0);
    }

    // Δ = 2C: every user's latent is clipped to ‖z‖ ≤ C, so replacing one user by another moves the released
    // latent by at most 2C. PSR from the Fano bound with K classes, prior 1/K; the file holds the variance σ².
    static DpNoiseResult Corrected(double[,] latents, double mi, int dimension, DpNoiseOptions options)
    {
        if (!(options.ClipBound > 0)) throw new ArgumentException($"noise.dp_clip_bound: expected a positive L2 norm, got {options.ClipBound}");
        var bound = PosteriorSuccess.FromMutualInformation(mi, options.Classes);
        if (bound.Vacuous)
            throw new ArgumentException($"mi: {mi} nats ≥ ln {options.Classes} = {PosteriorSuccess.MaximalInformation(options.Classes):F4}, so the bound allows certain identification and calibrates no noise");
        var calibration = RdpGaussian.Calibrate(bound.SuccessRate, bound.Prior);
        var sensitivity = 2 * options.ClipBound;
        var sigma = sensitivity * calibration.NoiseMultiplier;
        var norms = LatentStatistics.RowNorms(latents);
        var clipped = norms.Length == 0 ? 0 : norms.Count(n => n > options.ClipBound) / (double)norms.Length;
        return new(mi, NoiseFidelity.Corrected, calibration, sensitivity, sigma, sigma, sigma * sigma, dimension, false, clipped);
    }
}
