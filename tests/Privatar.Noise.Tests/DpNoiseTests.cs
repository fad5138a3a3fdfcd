using Privatar.Noise.Tests.Fixtures;
using Xunit;

namespace Privatar.Noise.Tests;

public sealed class DpNoiseTests
{
    static readonly double[,] Latents = SyntheticLatents.Gaussian(200, 256, seed: 7).ToArray();

    [Fact]
    public void Original_Should_Use_The_Frobenius_Norm_And_Store_Sigma()
    {
        // Given the original's settings
        var options = new DpNoiseOptions(NoiseFidelity.Original, Classes: 65, ClipBound: 20);

        // When
        var r = DpNoise.Compute(Latents, 1.0, options);

        // Then Δ = ‖Z‖_F, PSR 0.4 and prior 1/56 (not 1/65), σ = Δ·0.67531…, and the file holds σ used as a variance
        var frobenius = Math.Sqrt(Enumerable.Range(0, 200).Sum(t => Enumerable.Range(0, 256).Sum(j => Latents[t, j] * Latents[t, j])));
        Assert.Equal(frobenius, r.Sensitivity, 9);
        Assert.Equal(0.4, r.Calibration.SuccessRate);
        Assert.Equal(1.0 / 56, r.Calibration.Prior);
        Assert.Equal(0.6753103985223627, r.Sigma / r.Sensitivity, 12);
        Assert.Equal(r.Sigma, r.FileValue);
        Assert.Equal(Math.Sqrt(r.Sigma), r.AppliedStd, 12);
        Assert.Equal(256, r.FileVector().Length);
        Assert.All(r.FileVector(), v => Assert.Equal(r.Sigma, v));
        Assert.False(r.Capped);
    }

    [Fact]
    public void Original_Multipliers_Should_Reproduce_The_Notebooks_DP_Trace_Ratios()
    {
        // The notebook's DP "L2 norm" (256·σ) at PSR 0.4 / 0.09 / 0.035 is ≈ 589,866 / 1.37M / 3.52M for one
        // latent matrix, so σ(0.09)/σ(0.4) ≈ 2.32 and σ(0.035)/σ(0.4) ≈ 5.97 whatever ‖Z‖_F was.
        var o = new DpNoiseOptions(NoiseFidelity.Original, 65, 20);
        var s1 = DpNoise.Compute(Latents, 1, o).Sigma;
        Assert.Equal(1.37e6 / 589866, DpNoise.Compute(Latents, 0.1, o).Sigma / s1, 1e-2 * 2.3);
        Assert.Equal(3.52e6 / 589866, DpNoise.Compute(Latents, 0.01, o).Sigma / s1, 1e-2 * 6);
    }

    [Fact]
    public void Original_Should_Cap_Sigma_Squared_Like_The_Script()
    {
        var huge = SyntheticLatents.Gaussian(50, 256, seed: 3, scale: 1e4).ToArray();
        var r = DpNoise.Compute(huge, 0.01, new DpNoiseOptions(NoiseFidelity.Original, 65, 20));
        Assert.True(r.Capped);
        Assert.Equal(Math.Sqrt(9999999999), r.Sigma, 9);
    }

    [Fact]
    public void Original_Should_Use_Its_Own_Equations_Root_For_An_MI_It_Lists_No_PSR_For()
    {
        // MI 0.5 is not in the original's lists: its pac_psr_mi_calculation.py (K = 65) gives 0.2718…, which the DP
        // script then calibrates against its prior 1/56, whatever --classes says
        var r = DpNoise.Compute(Latents, 0.5, new DpNoiseOptions(NoiseFidelity.Original, Classes: 4, ClipBound: 20));
        Assert.Null(OriginalArtifact.HardCodedPsr(0.5));
        Assert.Equal(PosteriorSuccess.FromMutualInformation(0.5, 65).SuccessRate, r.Calibration.SuccessRate);
        Assert.Equal(1.0 / 56, r.Calibration.Prior);
        Assert.Equal(RdpGaussian.Calibrate(r.Calibration.SuccessRate, 1.0 / 56).NoiseMultiplier, r.Sigma / r.Sensitivity, 12);
        // a listed MI keeps the hard-coded, cut value
        Assert.Equal(0.09, OriginalArtifact.PsrFor(0.1));
    }

    [Fact]
    public void Corrected_Should_Use_Twice_The_Clip_Bound_And_Store_The_Variance()
    {
        // Given the corrected settings with C = 20
        var r = DpNoise.Compute(Latents, 1.0, new DpNoiseOptions(NoiseFidelity.Corrected, Classes: 65, ClipBound: 20));

        // Then Δ = 2C, PSR from the Fano bound (0.398388) against prior 1/65, and the file holds σ²
        Assert.Equal(40, r.Sensitivity);
        Assert.Equal(0.398388, r.Calibration.SuccessRate, 6);
        Assert.Equal(1.0 / 65, r.Calibration.Prior);
        Assert.Equal(0.6545982232197222, r.Calibration.NoiseMultiplier, 9); // same Python scan, prior 1/65, γ = 0.3983878240681247
        Assert.Equal(r.Sigma * r.Sigma, r.FileValue, 9);
        Assert.Equal(r.Sigma, r.AppliedStd);
        // rows are N(0, I_256): norms ≈ 16, none above 20
        Assert.Equal(0.0, r.ClippedFraction);
    }

    [Fact]
    public void Corrected_Should_Report_Clipping_And_Reject_Vacuous_Bounds()
    {
        var r = DpNoise.Compute(Latents, 1.0, new DpNoiseOptions(NoiseFidelity.Corrected, 65, ClipBound: 1));
        Assert.Equal(1.0, r.ClippedFraction);
        var ex = Assert.Throws<ArgumentException>(() => DpNoise.Compute(Latents, 4.2, new DpNoiseOptions(NoiseFidelity.Corrected, 65, 20)));
        Assert.Contains("ln 65", ex.Message);
    }
}
