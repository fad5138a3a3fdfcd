namespace Privatar.Accounting;

/// <summary>How a run with N examples and batch size B turns into the accountant's sampling rate and steps.</summary>
public enum AccountingConvention
{
    /// <summary>q = B/N and round(1/q) steps per epoch.</summary>
    Ours,

    /// <summary>
    /// Opacus's make_private: q = 1/len(loader) = 1/⌈N/B⌉, int(1/q) = ⌈N/B⌉ steps per epoch, expected batch size
    /// int(N·q). The two agree when B divides N; otherwise a user comparing with an Opacus run needs this one.
    /// </summary>
    Opacus,
}

/// <summary>The sampling rate, steps per epoch and expected batch size a convention gives a run.</summary>
public sealed record SamplingSchedule(double SampleRate, long StepsPerEpoch, double ExpectedBatchSize)
{
    /// <summary>The schedule of <paramref name="n"/> examples at batch size <paramref name="batchSize"/>.</summary>
    public static SamplingSchedule For(AccountingConvention convention, long n, int batchSize)
    {
        if (n < 1) throw new ArgumentOutOfRangeException(nameof(n), n, "dataset size must be ≥ 1.");
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, "batch size must be ≥ 1.");
        return convention switch
        {
            AccountingConvention.Ours => FromRate(Math.Min(1.0, (double)batchSize / n), n),
            AccountingConvention.Opacus => Opacus(n, batchSize),
            _ => throw new ArgumentOutOfRangeException(nameof(convention), convention, "unknown accounting convention"),
        };
    }

    /// <summary>An explicit rate q (ours): round(1/q) steps per epoch, expected batch q·N.</summary>
    public static SamplingSchedule FromRate(double sampleRate, long n)
    {
        if (!(sampleRate > 0 && sampleRate <= 1)) throw new ArgumentOutOfRangeException(nameof(sampleRate), sampleRate, "sample rate q must be in (0, 1].");
        return new(sampleRate, Math.Max(1, (long)Math.Round(1 / sampleRate)), sampleRate * n);
    }

    static SamplingSchedule Opacus(long n, int batchSize)
    {
        long batches = (n + batchSize - 1) / batchSize;
        double q = 1.0 / batches;
        return new(q, (long)(1 / q), Math.Floor(n * q));
    }

    /// <summary>Parses "ours" / "opacus" (case-insensitive).</summary>
    public static AccountingConvention Parse(string text, string optionName = "--accounting-convention") => text.Trim().ToLowerInvariant() switch
    {
        "ours" => AccountingConvention.Ours,
        "opacus" => AccountingConvention.Opacus,
        _ => throw new ArgumentException($"{optionName}: expected 'ours' or 'opacus', got '{text}'."),
    };
}
