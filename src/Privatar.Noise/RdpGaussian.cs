namespace Privatar.Noise;

/// <summary>A Gaussian mechanism calibrated so that an attacker's success rate stays at or below a PSR bound.</summary>
/// <param name="SuccessRate">γ, the posterior success rate to guarantee</param>
/// <param name="Prior">κ, the blind-guess success rate</param>
/// <param name="Alpha">the Rényi order that gave the smallest noise</param>
/// <param name="NoiseMultiplier">σ/Δ: the noise standard deviation per unit of L2 sensitivity</param>
public sealed record RdpCalibration(double SuccessRate, double Prior, int Alpha, double NoiseMultiplier);

/// <summary>
/// Calibration through Rényi DP (Mironov, "Rényi Differential Privacy", CSF 2017, arXiv 1702.07476):
/// the Gaussian mechanism with L2 sensitivity Δ and standard deviation σ is (α, αΔ²/(2σ²))-RDP, and an
/// (α, ε)-RDP mechanism preserves probabilities as P[event | D] ≤ (e^ε · P[event | D'])^((α−1)/α)
/// (probability preservation). Taking the event "the attacker names the right candidate", with prior κ and
/// target γ, the guarantee holds when ε ≤ α/(α−1)·ln γ − ln κ, i.e.
///     σ²/Δ² ≥ α / (2α/(α−1)·ln γ − 2·ln κ)   for some α with a positive divisor.
/// Any one α suffices, so the smallest σ over the searched orders is taken (the original searches α = 2..19).
/// </summary>
public static class RdpGaussian
{
    /// <summary>σ²/Δ² needed at one order α, or +∞ when that order cannot certify γ (non-positive divisor).</summary>
    public static double VarianceRatioAt(int alpha, double successRate, double prior)
    {
        var divisor = 2.0 * alpha / (alpha - 1) * Math.Log(successRate) - 2.0 * Math.Log(prior);
        return divisor > 0 ? alpha / divisor : double.PositiveInfinity;
    }

    public static RdpCalibration Calibrate(double successRate, double prior, int alphaMin = OriginalArtifact.AlphaMin, int alphaMax = OriginalArtifact.AlphaMax)
    {
        if (successRate is <= 0 or > 1) throw new ArgumentException($"psr: expected a success rate in (0, 1], got {successRate}");
        if (prior is <= 0 or >= 1) throw new ArgumentException($"prior: expected a probability in (0, 1), got {prior}");
        if (alphaMin < 2 || alphaMax < alphaMin) throw new ArgumentException($"alpha range: expected 2 ≤ min ≤ max, got {alphaMin}..{alphaMax}");

        var bestAlpha = 0;
        var best = double.PositiveInfinity;
        for (var alpha = alphaMin; alpha <= alphaMax; alpha++)
        {
            var ratio = VarianceRatioAt(alpha, successRate, prior);
            if (ratio < best) (best, bestAlpha) = (ratio, alpha);
        }
        if (bestAlpha == 0)
            throw new ArgumentException(
                $"psr {successRate} cannot be certified against prior {prior} with Rényi orders {alphaMin}..{alphaMax} (the target must exceed the prior)");
        return new(successRate, prior, bestAlpha, Math.Sqrt(best));
    }
}
