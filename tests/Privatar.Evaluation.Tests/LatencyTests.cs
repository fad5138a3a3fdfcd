using Privatar.Evaluation.Latency;
using TorchSharp;
using Xunit;

namespace Privatar.Evaluation.Tests;

/// <summary>A clock that only moves when the timed step says so (1 tick = 1 µs).</summary>
sealed class FakeClock : ITimeSource
{
    public long Now;
    public long GetTimestamp() => Now;
    public long Frequency => 1_000_000;
}

public sealed class LatencyTests
{
    static (Action Step, Func<int> Calls) Sequence(FakeClock clock, Func<int, long> microseconds)
    {
        var calls = 0;
        return (() => clock.Now += microseconds(calls++), () => calls);
    }

    [Fact]
    public void Should_Interpolate_Percentiles_Like_NumPy()
    {
        double[] s = [1, 2, 3, 4];
        Assert.Equal(2.5, LatencyStatistics.Percentile(s, 0.5), 12);
        Assert.Equal(1.15, LatencyStatistics.Percentile(s, 0.05), 12);   // h = 3·0.05 = 0.15
        Assert.Equal(3.85, LatencyStatistics.Percentile(s, 0.95), 12);   // h = 2.85
    }

    [Fact]
    public void Should_Bound_The_Median_By_Binomial_Order_Statistics()
    {
        // n = 100, z = 1.96: spread 9.8, ranks j = ⌊50 − 9.8⌋ = 40 and k = ⌈51 + 9.8⌉ = 61 (1-based)
        var s = Enumerable.Range(1, 100).Select(i => (double)i).ToArray();
        Assert.Equal((40.0, 61.0), LatencyStatistics.MedianInterval(s, 1.96));
        Assert.Equal(10.5 / 50.5, LatencyStatistics.RelativeHalfWidth(s, 1.96), 12);
    }

    [Fact]
    public void Should_Stop_At_The_Minimum_For_A_Constant_Step_And_Not_Time_The_Warmup()
    {
        // Given warm-up calls that take 1 s each and timed calls of exactly 2 ms
        var clock = new FakeClock();
        var (step, calls) = Sequence(clock, i => i < 5 ? 1_000_000 : 2_000);
        var options = new LatencyOptions { WarmupIterations = 5, MinIterations = 30, Clock = clock };

        var r = LatencyProbe.Measure(step, options);

        Assert.Equal(LatencyStop.Converged, r.Stop);
        Assert.Equal(30, r.Iterations);
        Assert.Equal(35, calls());
        Assert.Equal(5, r.Warmup);
        Assert.Equal((2.0, 2.0, 2.0, 2.0), (r.MedianMs, r.P5Ms, r.P95Ms, r.MeanMs));
        Assert.Equal(torch.get_num_threads(), r.Threads);
    }

    [Fact]
    public void Should_Keep_Sampling_Until_The_Median_Settles()
    {
        // 30 calls alternating 1 and 2 ms, then 1.5 ms. At n = 40 the lower CI rank 13 still holds 1 ms; at n = 50
        // (15 x 1, 20 x 1.5, 15 x 2) ranks 18..33 are all 1.5 ms, so the interval collapses and sampling stops.
        var clock = new FakeClock();
        var (step, _) = Sequence(clock, i => i < 30 ? (i % 2 == 0 ? 1_000 : 2_000) : 1_500);

        var r = LatencyProbe.Measure(step, new LatencyOptions { WarmupIterations = 0, Clock = clock });

        Assert.Equal(LatencyStop.Converged, r.Stop);
        Assert.Equal(50, r.Iterations);
        Assert.Equal(1.5, r.MedianMs, 12);
        Assert.Equal(1.0, r.P5Ms, 12);
        Assert.Equal(2.0, r.P95Ms, 12);
        Assert.Equal(0, r.RelativeHalfWidth);
    }

    [Fact]
    public void Should_Stop_At_The_Iteration_Cap_When_The_Median_Never_Settles()
    {
        var clock = new FakeClock();
        var (step, _) = Sequence(clock, i => i % 2 == 0 ? 1_000 : 3_000);

        var r = LatencyProbe.Measure(step, new LatencyOptions { WarmupIterations = 0, MaxIterations = 100, Clock = clock });

        Assert.Equal(LatencyStop.MaxIterations, r.Stop);
        Assert.Equal(100, r.Iterations);
        Assert.Equal((2.0, 1.0, 3.0), (r.MedianMs, r.P5Ms, r.P95Ms));
        Assert.Equal((1.0, 3.0), (r.MedianCiLowMs, r.MedianCiHighMs));
    }

    [Fact]
    public void Should_Stop_When_The_Time_Budget_Is_Spent()
    {
        // 1 s and 3 s calls against a 5 s budget: the first check (after 30 calls, 60 s) already exceeds it
        var clock = new FakeClock();
        var (step, _) = Sequence(clock, i => i % 2 == 0 ? 1_000_000 : 3_000_000);

        var r = LatencyProbe.Measure(step, new LatencyOptions { WarmupIterations = 0, MaxSeconds = 5, Clock = clock });

        Assert.Equal(LatencyStop.TimeBudget, r.Stop);
        Assert.Equal(30, r.Iterations);
    }

    [Fact]
    public void Should_Run_Under_No_Grad_Unless_Told_Otherwise()
    {
        var clock = new FakeClock();
        var seen = new List<bool>();
        void Step() { seen.Add(torch.is_grad_enabled()); clock.Now += 10; }

        LatencyProbe.Measure(Step, new LatencyOptions { WarmupIterations = 1, Clock = clock });
        LatencyProbe.Measure(Step, new LatencyOptions { WarmupIterations = 1, Clock = clock, NoGrad = false });

        Assert.Equal(62, seen.Count);
        Assert.All(seen.Take(31), g => Assert.False(g));
        Assert.All(seen.Skip(31), g => Assert.True(g));
        Assert.True(torch.is_grad_enabled());
    }

    [Fact]
    public void Should_Reject_Inconsistent_Options()
    {
        var e = Assert.Throws<ArgumentException>(() => LatencyProbe.Measure(() => { }, new LatencyOptions { MinIterations = 50, MaxIterations = 40 }));
        Assert.Contains("max_iterations (40) must be >= min_iterations (50)", e.Message);
    }
}
