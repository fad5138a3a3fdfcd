using System.Runtime;
using Xunit;

namespace Privatar.Torch.Tests;

/// <summary>NoGc: the body runs inside a no-GC region, which ends with it; nested use keeps the outer region, and a throwing body leaves no region behind.</summary>
public sealed class NoGcTests
{
    [Fact]
    public void Should_Run_The_Body_Without_A_Collection_And_End_The_Region()
    {
        var before = GC.CollectionCount(0);
        var (mode, during) = NoGc.Run(() =>
        {
            var start = GC.CollectionCount(0);
            for (var i = 0; i < 10_000; i++) _ = new byte[256];   // 2.5 MB: several gen0 budgets' worth on a quiet heap
            return (GCSettings.LatencyMode, GC.CollectionCount(0) - start);
        });

        Assert.Equal(GCLatencyMode.NoGCRegion, mode);
        Assert.Equal(0, during);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
        Assert.True(GC.CollectionCount(0) > before);   // opening the region collects, on this thread
    }

    [Fact]
    public void Should_Allow_Nesting_And_End_The_Region_When_The_Body_Throws()
    {
        var (inner, outerAfterInner) = NoGc.Run(() => (NoGc.Run(() => GCSettings.LatencyMode), GCSettings.LatencyMode));
        var e = Assert.Throws<InvalidOperationException>(() => NoGc.Run<int>(() => throw new InvalidOperationException("body")));

        Assert.Equal(GCLatencyMode.NoGCRegion, inner);            // the inner body runs in the outer region
        Assert.Equal(GCLatencyMode.NoGCRegion, outerAfterInner);  // which the inner call leaves open
        Assert.Equal("body", e.Message);
        Assert.NotEqual(GCLatencyMode.NoGCRegion, GCSettings.LatencyMode);
    }
}
