using Privatar.DpSgd.Engine;
using TorchSharp;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Tests.Engine;

/// <summary>
/// Each layer kind's per-example rule against the exact route (one backward per example), in float64, with one row
/// per example and with K = 3 rows per example (noise multiplicity: the example's loss is the mean over its rows).
/// </summary>
public sealed class PerSampleLayerTests(ITestOutputHelper output)
{
    const double Tolerance = 1e-5;

    public static TheoryData<string, int> Cases()
    {
        var data = new TheoryData<string, int>();
        foreach (var kind in new[] { "linear", "linear-seq", "conv3x3", "conv1x1", "conv-stride2", "conv-5x3-rect", "conv-dilated", "groupnorm", "embedding" })
            foreach (var k in new[] { 1, 3 })
                data.Add(kind, k);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Should_Match_The_Micro_Batch_Route(string kind, int rowsPerExample)
    {
        using var scope = NewDisposeScope();
        const int n = 5;
        var (layer, input) = Make(kind, n, rowsPerExample);
        using var g = new Generator(17);
        var weights = (Tensor?)null;
        PerSampleLoss loss = b =>
        {
            var rows = b[0].reshape(new long[] { -1 }.Concat(b[0].shape.Skip(2)).ToArray());    // (n·K, …)
            var y = layer.call(rows);
            weights ??= randn(y.shape.Skip(1).ToArray(), dtype: ScalarType.Float64, generator: g);
            var perRow = (tanh(y) * weights).reshape(y.shape[0], -1).sum(1);
            return perRow.reshape(-1, rowsPerExample).mean([1]);                                  // (n)
        };

        foreach (var maxNorm in new[] { 1e9, 0.05 })
        {
            using var hooks = HookClipper.Create(layer);
            var fast = hooks.ClipAndSum([input], loss, maxNorm);
            using var micro = new MicroBatchClipper(layer);
            var slow = micro.ClipAndSum([input], loss, maxNorm);
            Assert.Equal(micro.Parameters.Count, hooks.Parameters.Count);
            var worst = RelativeError(slow.Norms, fast.Norms);
            for (var i = 0; i < fast.Sums.Length; i++)
            {
                Assert.Same(micro.Parameters[i], hooks.Parameters[i]);
                worst = Math.Max(worst, RelativeError(slow.Sums[i], fast.Sums[i]));
            }
            output.WriteLine(FormattableString.Invariant($"{kind} K={rowsPerExample} C={maxNorm:G3}: max relative error {worst:E2}"));
            Assert.True(worst <= Tolerance, FormattableString.Invariant($"{kind}, K = {rowsPerExample}, C = {maxNorm}: relative error {worst:E3}"));
            if (maxNorm < 1) Assert.True(slow.Norms.min().ToDouble() > maxNorm, "the small C must clip every example");
        }
    }

    /// <summary>A layer and an input (n, K, …) for it, float64, seeded.</summary>
    static (nn.Module<Tensor, Tensor> Layer, Tensor Input) Make(string kind, int n, int k)
    {
        random.manual_seed(5);
        using var g = new Generator(9);
        nn.Module<Tensor, Tensor> layer = kind switch
        {
            "linear" => nn.Linear(6, 4),
            "linear-seq" => nn.Linear(6, 4),
            "conv3x3" => nn.Conv2d(3, 4, 3, padding: 1),
            "conv1x1" => nn.Conv2d(4, 6, 1),
            "conv-stride2" => nn.Conv2d(3, 5, 3, stride: 2, padding: 1),
            // Unequal kernel sides and paddings on a non-square image: the shifted-window route's offsets and widths.
            "conv-5x3-rect" => nn.Conv2d(3, 4, (5, 3), padding: (2, 0)),
            "conv-dilated" => nn.Conv2d(3, 4, 3, padding: 2, dilation: 2),
            "groupnorm" => nn.GroupNorm(2, 6, eps: 1e-6),
            "embedding" => nn.Embedding(11, 4),
            _ => throw new ArgumentException(kind),
        };
        layer.to(ScalarType.Float64);
        if (layer is GroupNorm norm)
            using (no_grad()) { norm.weight!.copy_(randn(6, dtype: ScalarType.Float64, generator: g)); norm.bias!.copy_(randn(6, dtype: ScalarType.Float64, generator: g)); }
        long[] shape = kind switch
        {
            "linear" => [n, k, 6],
            "linear-seq" => [n, k, 7, 6],
            "conv3x3" or "conv-stride2" or "conv-dilated" => [n, k, 3, 6, 6],
            "conv-5x3-rect" => [n, k, 3, 7, 5],
            "conv1x1" => [n, k, 4, 5, 5],
            "groupnorm" => [n, k, 6, 4, 4],
            _ => [n, k],
        };
        var input = kind == "embedding"
            ? randint(0, 11, shape, dtype: ScalarType.Int64, generator: g)
            : randn(shape, dtype: ScalarType.Float64, generator: g);
        return (layer, input);
    }

    /// <summary>‖actual − expected‖ / ‖expected‖.</summary>
    static double RelativeError(Tensor expected, Tensor actual)
    {
        Assert.Equal(expected.shape, actual.shape);
        return (expected - actual).norm().ToDouble() / Math.Max(1e-300, expected.norm().ToDouble());
    }
}
