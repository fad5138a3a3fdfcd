using Privatar.DpSgd.Engine;
using Privatar.Dpdm.Diffusion;
using Privatar.Dpdm.Training;
using Xunit.Abstractions;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Tests.Training;

/// <summary>The whole denoiser (conv, linear, GroupNorm, embedding, attention) through the hook route vs one backward per example.</summary>
public sealed class PerSampleUNetTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Should_Match_The_Micro_Batch_Route_On_The_Denoising_Loss(int k)
    {
        using var scope = NewDisposeScope();
        var net = TinyNets.Float64();
        Randomise(net);
        var (x, y) = TinyNets.Data(4, net.Config, ScalarType.Float64);
        using var trainer = new DpdmTrainer(net, new DpdmConfig(BatchSize: 4, NoiseLevelsPerExample: k, NoiseMultiplier: 0, Seed: 5), 40);
        var batch = trainer.DrawBatch(x, y);
        var levels = new NoiseLevels(Parameterisation.Edm);
        PerSampleLoss loss = b => DenoisingLoss.PerExample(trainer.Denoiser, levels, b);

        using var hooks = HookClipper.Create(net);
        using var micro = new MicroBatchClipper(net);
        foreach (var c in new[] { 1e9, 1e-3 })
        {
            var fast = hooks.ClipAndSum(batch, loss, c);
            var slow = micro.ClipAndSum(batch, loss, c);
            var total = Math.Sqrt(slow.Sums.Sum(t => t.square().sum().ToDouble()));
            var worst = Relative(slow.Norms, fast.Norms);
            for (var i = 0; i < fast.Sums.Length; i++)
            {
                Assert.Same(micro.Parameters[i], hooks.Parameters[i]);
                worst = Math.Max(worst, Relative(slow.Sums[i], fast.Sums[i], floor: 1e-6 * total));
            }
            output.WriteLine(FormattableString.Invariant($"U-Net K={k} C={c:G3}: {fast.Sums.Length} tensors, max relative error {worst:E2}"));
            Assert.True(worst <= 1e-5, FormattableString.Invariant($"K = {k}, C = {c}: relative error {worst:E3}"));
        }
        Assert.Equal(net.parameters().Count(), hooks.Parameters.Count);
    }

    /// <summary>
    /// ‖actual − expected‖ / max(‖expected‖, floor). The floor (10⁻⁶ of the whole gradient's norm) is for the attention
    /// key bias, whose exact gradient is 0 (softmax ignores a shift shared by every key), so both routes give rounding noise.
    /// </summary>
    static double Relative(Tensor expected, Tensor actual, double floor = 1e-300) =>
        (expected - actual).norm().ToDouble() / Math.Max(floor, expected.norm().ToDouble());

    /// <summary>O(1) random weights: DDPM's near-zero output layers would otherwise shrink every upstream gradient by 10⁻¹⁰.</summary>
    static void Randomise(nn.Module net)
    {
        using var g = new Generator(21);
        using var _ = no_grad();
        foreach (var p in net.parameters()) p.copy_(randn(p.shape, dtype: p.dtype, generator: g) * 0.3);
    }
}
