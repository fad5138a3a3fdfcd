using Privatar.Accounting;
using Privatar.DpSgd.Engine;
using Privatar.DpSgd.Training;

namespace Privatar.DpSgd.Runs;

/// <summary>
/// DP-SGD as a run asks for it: a fixed noise multiplier σ (the study's), or a target ε at δ from which σ is
/// calibrated by the accountant for this run's exact schedule (q from the data size, epochs · round(1/q) steps).
/// </summary>
public sealed record DpRequest(double? Sigma, double? TargetEpsilon, double MaxGradNorm, double SampleRate, double Delta,
    AccountantOptions Accountant, AccountingConvention Convention = AccountingConvention.Ours)
{
    public static DpRequest WithSigma(double sigma, double maxGradNorm, double sampleRate = 0,
        AccountingConvention convention = AccountingConvention.Ours) =>
        new(sigma, null, maxGradNorm, sampleRate, double.NaN, new AccountantOptions(), convention);

    public static DpRequest WithEpsilon(double epsilon, double delta, AccountantOptions accountant, double maxGradNorm, double sampleRate = 0,
        AccountingConvention convention = AccountingConvention.Ours) =>
        new(null, epsilon, maxGradNorm, sampleRate, delta, accountant, convention);

    /// <summary>
    /// What a verb's options ask for: non-private (null) without σ and target ε, a fixed σ, or a target ε; both is refused.
    /// </summary>
    public static DpRequest? From(double? sigma, double? targetEpsilon, double delta, AccountantOptions accountant, double maxGradNorm,
        double sampleRate, AccountingConvention convention) => (sigma, targetEpsilon) switch
    {
        (null, null) => null,
        ({ } s, null) => WithSigma(s, maxGradNorm, sampleRate, convention),
        (null, { } eps) => WithEpsilon(eps, delta, accountant, maxGradNorm, sampleRate, convention),
        _ => throw new ArgumentException("give either --noise-multiplier or --target-epsilon, not both"),
    };

    /// <summary>The DP-SGD settings for a training set of <paramref name="n"/> examples under <paramref name="cfg"/>.</summary>
    public DpConfig Resolve(long n, TrainConfig cfg)
    {
        if ((Sigma is null) == (TargetEpsilon is null))
            throw new ArgumentException("DP-SGD: give exactly one of --noise-multiplier and --target-epsilon");
        if (Sigma is { } s) return new DpConfig(PrivacyArguments.NoiseMultiplier(s, "--noise-multiplier"), MaxGradNorm, SampleRate, Convention);
        var eps = PrivacyArguments.Epsilon(TargetEpsilon!.Value, "--target-epsilon");
        PrivacyArguments.Delta(Delta);
        cfg.Validate();
        var schedule = new DpConfig(0, MaxGradNorm, SampleRate, Convention).Schedule(n, cfg.BatchSize);
        var sigma = NoiseMultiplier.ForEpsilon(eps, Delta, schedule.SampleRate, schedule.StepsPerEpoch * cfg.Epochs, Accountant);
        return new DpConfig(sigma, MaxGradNorm, SampleRate, Convention);
    }

    /// <summary>The steps a DP run at rate q takes in <paramref name="epochs"/> epochs (the training loops' own count).</summary>
    public static long Steps(double q, int epochs) => (long)epochs * PoissonSampler.StepsFor(q);
}
