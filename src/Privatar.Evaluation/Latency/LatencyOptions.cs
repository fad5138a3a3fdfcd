using System.Diagnostics;

namespace Privatar.Evaluation.Latency;

/// <summary>A monotonic clock; injectable so the stopping rule and statistics can be tested without real time.</summary>
public interface ITimeSource
{
    long GetTimestamp();
    /// <summary>Ticks per second.</summary>
    long Frequency { get; }
}

public sealed class StopwatchTimeSource : ITimeSource
{
    public static readonly StopwatchTimeSource Instance = new();
    public long GetTimestamp() => Stopwatch.GetTimestamp();
    public long Frequency => Stopwatch.Frequency;
}

/// <summary>
/// How <see cref="LatencyProbe"/> samples. After <see cref="WarmupIterations"/> untimed calls it times at least
/// <see cref="MinIterations"/> calls, then keeps going in rounds of <see cref="CheckEvery"/> until the confidence
/// interval of the median is narrower than ±<see cref="TargetRelativeHalfWidth"/> of the median, or
/// <see cref="MaxIterations"/> calls or <see cref="MaxSeconds"/> of timed work have been spent.
/// </summary>
public sealed record LatencyOptions
{
    public int WarmupIterations { get; init; } = 10;
    public int MinIterations { get; init; } = 30;
    public int MaxIterations { get; init; } = 1000;
    public int CheckEvery { get; init; } = 10;
    /// <summary>Stop when the CI half-width of the median is below this fraction of the median (0.01 = 1%).</summary>
    public double TargetRelativeHalfWidth { get; init; } = 0.01;
    /// <summary>Two-sided normal quantile of the median's CI; 1.96 gives 95%.</summary>
    public double ConfidenceZ { get; init; } = 1.96;
    /// <summary>Budget for the timed phase; 0 means no limit.</summary>
    public double MaxSeconds { get; init; } = 60;
    /// <summary>Run each call under torch.no_grad() (inference timing); false for timing training steps.</summary>
    public bool NoGrad { get; init; } = true;
    public ITimeSource Clock { get; init; } = StopwatchTimeSource.Instance;

    /// <summary>The <c>[latency]</c> section: warmup, min_iterations, max_iterations, check_every,
    /// target_relative_half_width, confidence_z, max_seconds (all required).</summary>
    public static LatencyOptions FromSection(IReadOnlyDictionary<string, string> section, string source = "[latency]")
    {
        double Number(string key)
        {
            if (!section.TryGetValue(key, out var text)) throw new ArgumentException($"{source}: missing key '{key}'");
            if (!double.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v)
                || double.IsNaN(v) || double.IsInfinity(v))
                throw new FormatException($"{source}: key '{key}' must be a number, got '{text}'");
            return v;
        }
        int Whole(string key)
        {
            var v = Number(key);
            if (v != Math.Floor(v) || v > int.MaxValue || v < int.MinValue)
                throw new FormatException($"{source}: key '{key}' must be a whole number, got {v}");
            return (int)v;
        }
        var o = new LatencyOptions
        {
            WarmupIterations = Whole("warmup"), MinIterations = Whole("min_iterations"), MaxIterations = Whole("max_iterations"),
            CheckEvery = Whole("check_every"), TargetRelativeHalfWidth = Number("target_relative_half_width"),
            ConfidenceZ = Number("confidence_z"), MaxSeconds = Number("max_seconds"),
        };
        try { o.Validate(); }
        catch (ArgumentException e) { throw new ArgumentException($"{source}: {e.Message}", e); }
        return o;
    }

    public void Validate()
    {
        if (WarmupIterations < 0) throw new ArgumentException($"latency warmup: expected >= 0, got {WarmupIterations}");
        if (MinIterations < 3) throw new ArgumentException($"latency min_iterations: expected >= 3, got {MinIterations}");
        if (MaxIterations < MinIterations)
            throw new ArgumentException($"latency max_iterations ({MaxIterations}) must be >= min_iterations ({MinIterations})");
        if (CheckEvery < 1) throw new ArgumentException($"latency check_every: expected >= 1, got {CheckEvery}");
        if (!(TargetRelativeHalfWidth > 0)) throw new ArgumentException($"latency target_relative_half_width: expected > 0, got {TargetRelativeHalfWidth}");
        if (!(ConfidenceZ > 0)) throw new ArgumentException($"latency confidence_z: expected > 0, got {ConfidenceZ}");
        if (MaxSeconds < 0) throw new ArgumentException($"latency max_seconds: expected >= 0 (0 = no limit), got {MaxSeconds}");
    }
}
