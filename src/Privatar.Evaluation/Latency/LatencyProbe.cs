using TorchSharp;

namespace Privatar.Evaluation.Latency;

public enum LatencyStop { Converged, MaxIterations, TimeBudget }

/// <summary>One latency measurement, in milliseconds per call.</summary>
public sealed record LatencyResult(
    double MedianMs, double P5Ms, double P95Ms, double MeanMs,
    double MedianCiLowMs, double MedianCiHighMs, double RelativeHalfWidth,
    int Iterations, int Warmup, int Threads, LatencyStop Stop);

/// <summary>
/// Times a delegate (typically a batch-1 decoder forward) with warm-up and an adaptive iteration count.
/// Each call runs inside its own TorchSharp dispose scope (disposed outside the timed region) and, by default,
/// under torch.no_grad(). The delegate must be synchronous: on CUDA it should end with a synchronising read.
/// </summary>
public static class LatencyProbe
{
    public static LatencyResult Measure(Action step, LatencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(step);
        options.Validate();
        using var noGrad = options.NoGrad ? torch.no_grad() : null;
        var clock = options.Clock;
        for (var i = 0; i < options.WarmupIterations; i++)
        {
            using var scope = torch.NewDisposeScope();
            step();
        }

        var samples = new List<double>(options.MinIterations);
        var start = clock.GetTimestamp();
        var budgetTicks = options.MaxSeconds > 0 ? (long)(options.MaxSeconds * clock.Frequency) : long.MaxValue;
        var msPerTick = 1000.0 / clock.Frequency;
        LatencyStop stop;
        while (true)
        {
            var target = samples.Count < options.MinIterations
                ? options.MinIterations
                : Math.Min(samples.Count + options.CheckEvery, options.MaxIterations);
            while (samples.Count < target)
            {
                using var scope = torch.NewDisposeScope();
                var t0 = clock.GetTimestamp();
                step();
                var t1 = clock.GetTimestamp();
                samples.Add((t1 - t0) * msPerTick);
            }
            var sorted = samples.Order().ToArray();
            if (LatencyStatistics.RelativeHalfWidth(sorted, options.ConfidenceZ) < options.TargetRelativeHalfWidth) { stop = LatencyStop.Converged; break; }
            if (samples.Count >= options.MaxIterations) { stop = LatencyStop.MaxIterations; break; }
            if (clock.GetTimestamp() - start >= budgetTicks) { stop = LatencyStop.TimeBudget; break; }
        }
        return Summarise(samples, options, torch.get_num_threads(), stop);
    }

    /// <summary>The reported statistics for a finished sample (exposed for tests and for re-summarising saved samples).</summary>
    public static LatencyResult Summarise(IReadOnlyList<double> samplesMs, LatencyOptions options, int threads, LatencyStop stop)
    {
        var sorted = samplesMs.Order().ToArray();
        var (low, high) = LatencyStatistics.MedianInterval(sorted, options.ConfidenceZ);
        return new LatencyResult(
            LatencyStatistics.Percentile(sorted, 0.5),
            LatencyStatistics.Percentile(sorted, 0.05),
            LatencyStatistics.Percentile(sorted, 0.95),
            sorted.Average(),
            low, high,
            LatencyStatistics.RelativeHalfWidth(sorted, options.ConfidenceZ),
            sorted.Length, options.WarmupIterations, threads, stop);
    }
}
