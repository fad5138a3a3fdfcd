using Privatar.DpSgd.Engine;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Tests;

/// <summary>The efficient hook route must equal the exact micro-batch route.</summary>
public sealed class PerSampleRouteTests
{
    [Theory]
    [InlineData(1e6)]    // no example clipped: plain sums of per-example gradients
    [InlineData(0.05)]   // every example clipped: tests norms and factors
    public void Should_Give_The_Same_Clipped_Sums_And_Norms_As_Micro_Batches(double maxNorm)
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.ConvNet(seed: 3);
        var (x, y) = TinyModels.Batch(7, seed: 11);
        var loss = TinyModels.CrossEntropy(model);

        using var hooks = HookClipper.Create(model);
        var fast = hooks.ClipAndSum([x, y], loss, maxNorm);
        using var micro = new MicroBatchClipper(model);
        var slow = micro.ClipAndSum([x, y], loss, maxNorm);

        Assert.Equal(micro.Parameters.Count, hooks.Parameters.Count);
        for (var i = 0; i < hooks.Parameters.Count; i++)
            Assert.Same(micro.Parameters[i], hooks.Parameters[i]);
        AssertClose(slow.Norms, fast.Norms);
        AssertClose(slow.Losses, fast.Losses);
        for (var i = 0; i < fast.Sums.Length; i++)
            AssertClose(slow.Sums[i], fast.Sums[i]);
        Assert.True(slow.Norms.min().ToDouble() > 0.05, "the small C must clip every example for this case to mean anything");
    }

    [Fact]
    public void Should_Match_Autograd_Sum_When_Nothing_Is_Clipped()
    {
        using var scope = NewDisposeScope();
        var model = TinyModels.ConvNet(seed: 5);
        var (x, y) = TinyModels.Batch(4, seed: 2);
        using var hooks = HookClipper.Create(model);
        var fast = hooks.ClipAndSum([x, y], TinyModels.CrossEntropy(model), 1e9);
        model.zero_grad();
        nn.functional.cross_entropy(model.call(x), y, reduction: nn.Reduction.Sum).backward();
        var ps = model.parameters().ToArray();
        for (var i = 0; i < ps.Length; i++)
            AssertClose(ps[i].grad!, fast.Sums[i]);
    }

    [Fact]
    public void Should_Refuse_Models_With_Unsupported_Parametrised_Layers()
    {
        var model = nn.Sequential(("fc", nn.Linear(4, 4)), ("norm", nn.LayerNorm(4)));
        Assert.Contains("layer 'norm' (LayerNorm)", HookClipper.Unsupported(model));
        var e = Assert.Throws<ArgumentException>(() => HookClipper.Create(model));
        Assert.Contains("micro-batch", e.Message);
        using var engine = new DpSgdEngine(model, new DpSgdOptions(1, 1, 4), 1);
        Assert.Equal("micro-batch", engine.Route);
        Assert.Contains("LayerNorm", engine.RouteReason);
    }

    [Fact]
    public void Should_Report_A_Layer_That_Runs_Twice()
    {
        var fc = nn.Linear(3, 3);
        using var hooks = HookClipper.Create(fc);
        using var x = randn(2, 3);
        var e = Assert.Throws<InvalidOperationException>(() =>
            hooks.ClipAndSum([x], b => fc.call(fc.call(b[0])).sum(1), 1.0));
        Assert.Contains("ran 2 times", e.Message);
    }

    static void AssertClose(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        var diff = (expected - actual).abs().max().ToDouble();
        var scale = Math.Max(1e-12, expected.abs().max().ToDouble());
        Assert.True(diff <= 1e-10 * scale + 1e-14, $"max |diff| {diff} vs scale {scale}");
    }
}
