using MathNet.Numerics.Distributions;

namespace Privatar.Attacks;

/// <summary>A two-sided confidence interval for a binomial success probability.</summary>
public readonly record struct Interval(double Low, double High);

/// <summary>
/// Clopper–Pearson ("exact") interval: the Beta quantiles that invert the two one-sided binomial tests,
/// low = B⁻¹(α/2; k, n−k+1) and high = B⁻¹(1−α/2; k+1, n−k), with low = 0 at k = 0 and high = 1 at k = n.
/// </summary>
public static class BinomialInterval
{
    public const string Method95 = "clopper_pearson_95";

    public static Interval ClopperPearson(long successes, long trials, double confidence = 0.95)
    {
        if (trials <= 0) throw new ArgumentException($"trials: expected a positive count, got {trials}");
        if (successes < 0 || successes > trials) throw new ArgumentException($"successes: expected 0..{trials}, got {successes}");
        if (!(confidence > 0 && confidence < 1)) throw new ArgumentException($"confidence: expected a level in (0, 1), got {confidence}");
        var alpha = 1 - confidence;
        var low = successes == 0 ? 0.0 : Beta.InvCDF(successes, trials - successes + 1, alpha / 2);
        var high = successes == trials ? 1.0 : Beta.InvCDF(successes + 1, trials - successes, 1 - alpha / 2);
        return new Interval(low, high);
    }
}
