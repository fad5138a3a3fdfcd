namespace Privatar.Accounting;

/// <summary><paramref name="Steps"/> consecutive steps of the Poisson-subsampled Gaussian mechanism.</summary>
public sealed record MechanismSteps(double NoiseMultiplier, double SampleRate, long Steps);

/// <summary>Which accountant computes ε.</summary>
public enum AccountantKind
{
    /// <summary>Rényi DP over an order grid (fast, slightly loose; Opacus's "rdp").</summary>
    Rdp,

    /// <summary>Numerical composition of privacy-loss random variables (tight, with error bounds; Opacus's "prv").</summary>
    Prv,
}

/// <summary>Tracks the steps of DP-SGD (or any Poisson-subsampled Gaussian mechanism) and reports ε for a δ.</summary>
public interface IPrivacyAccountant
{
    /// <summary>The composed history; consecutive steps with identical (σ, q) are merged.</summary>
    IReadOnlyList<MechanismSteps> History { get; }

    /// <summary>Records <paramref name="steps"/> steps with noise multiplier σ and sample rate q.</summary>
    void Step(double noiseMultiplier, double sampleRate, long steps = 1);

    /// <summary>A guaranteed upper bound on ε at <paramref name="delta"/> for the history so far.</summary>
    double GetEpsilon(double delta);
}

/// <summary>Shared history bookkeeping and argument checks.</summary>
public abstract class PrivacyAccountantBase : IPrivacyAccountant
{
    readonly List<MechanismSteps> _history = [];

    public IReadOnlyList<MechanismSteps> History => _history;

    public void Step(double noiseMultiplier, double sampleRate, long steps = 1)
    {
        if (!(noiseMultiplier >= 0) || double.IsPositiveInfinity(noiseMultiplier))
            throw new ArgumentOutOfRangeException(nameof(noiseMultiplier), noiseMultiplier, "noise multiplier σ must be finite and ≥ 0.");
        if (!(sampleRate >= 0 && sampleRate <= 1))
            throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate q must be in [0, 1].");
        ArgumentOutOfRangeException.ThrowIfNegative(steps);
        if (steps == 0) return;
        if (_history.Count > 0 && _history[^1] is var last && last.NoiseMultiplier == noiseMultiplier && last.SampleRate == sampleRate)
            _history[^1] = last with { Steps = last.Steps + steps };
        else
            _history.Add(new MechanismSteps(noiseMultiplier, sampleRate, steps));
    }

    public abstract double GetEpsilon(double delta);

    protected static void CheckDelta(double delta)
    {
        if (!(delta > 0 && delta < 1))
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "δ must be in (0, 1).");
    }
}
