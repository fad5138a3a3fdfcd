using Privatar.Models.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Privatar.Models.Tests.Layers;

/// <summary>
/// libtorch's CPU conv2d returned garbage here for a shape our partition encoders use (42 -> 128 channels on 16x16,
/// stride 2) once the allocator held stale NaNs, and its conv_transpose2d gave non-finite gradients in partition
/// n = 14's decoders; Conv2dWN therefore computes im2col + matmul and ConvTranspose2dWN matmul + col2im. These tests
/// pin the arithmetic of both paths and that neither reads stale memory.
/// </summary>
public sealed class ConvolutionDeterminismTests
{
    [Fact]
    public void Should_Match_Conv2d_Arithmetic()
    {
        // Given: a shape conv2d handles correctly, in double precision
        using var conv = new Conv2dWN(5, 7, 4, 2, 1);
        using var gen = new Generator(3);
        Glorot.Init(conv, 0.2, gen);
        using (no_grad()) conv.Bias.copy_(randn(7, generator: gen));
        conv.to(float64);
        using var x = randn(2, 5, 10, 10, dtype: float64, generator: gen);

        // When
        using var ours = conv.call(x);
        using var reference = F.conv2d(x, conv.EffectiveWeight(), conv.Bias, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 });

        // Then
        Assert.Equal(new long[] { 2, 7, 5, 5 }, ours.shape);
        Assert.True(ours.allclose(reference, rtol: 1e-10, atol: 1e-12));
    }

    [Fact]
    public void Should_Give_The_Same_Output_Every_Call_Even_With_Stale_Memory()
    {
        // Given: the shape that failed, and an allocator dirtied with NaNs between calls
        using var conv = new Conv2dWN(42, 128, 4, 2, 1);
        using var gen = new Generator(5);
        Glorot.Init(conv, 0.2, gen);
        using var x = randn(2, 42, 16, 16, generator: gen);
        using var first = conv.call(x).detach().clone();

        // When / Then
        for (var i = 0; i < 50; i++)
        {
            using var scope = NewDisposeScope();
            _ = randn(1000, 100) * float.NaN;
            Assert.True(conv.call(x).equal(first).all().item<bool>(), $"call {i} differs from the first");
        }
    }

    [Fact]
    public void Should_Match_Conv_Transpose2d_Arithmetic()
    {
        // Given: a stride-2 upsampling deconv like the decoders', in double precision, on a non-square input
        using var deconv = new ConvTranspose2dWN(5, 7, 4, 2, 1);
        using var gen = new Generator(4);
        Glorot.Init(deconv, 0.2, gen);
        using (no_grad()) deconv.Bias.copy_(randn(7, generator: gen));
        deconv.to(float64);
        using var x = randn(2, 5, 6, 9, dtype: float64, generator: gen);

        // When
        using var ours = deconv.call(x);
        using var reference = F.conv_transpose2d(x, deconv.EffectiveWeight(), deconv.Bias, strides: new long[] { 2, 2 }, padding: new long[] { 1, 1 });

        // Then
        Assert.Equal(new long[] { 2, 7, 12, 18 }, ours.shape);
        Assert.True(ours.allclose(reference, rtol: 1e-10, atol: 1e-12));
    }

    [Fact]
    public void Should_Give_Finite_Partition_Gradients_Even_With_Stale_Memory()
    {
        // Given: partition n = 14 (whose decoders' first deconv gave non-finite gradients through libtorch's
        // conv_transpose2d), and an allocator dirtied with NaN blocks of many sizes before every step
        var cfg = Fixtures.Tiny.Config(Fidelity.Corrected);
        using var model = Vae.PartitionedHp(cfg, 14, seed: 1);
        using var s = Fixtures.SyntheticSamples.Create(cfg, 2, 24, 20, seed: 2);
        var bad = new List<string>();

        // When
        for (var step = 0; step < 40; step++)
        {
            for (var size = 16L; size <= 1 << 21; size = size * 3 / 2)
                using (full(new long[] { size }, float.NaN)) { }
            using var scope = NewDisposeScope();
            model.zero_grad();
            var output = model.call(s.Batch.ToInput());
            for (var size = 16L; size <= 1 << 21; size = size * 3 / 2)
                using (full(new long[] { size }, float.NaN)) { }
            Training.VaeLosses.Compute(output, s.Batch, s.Norm, new Training.LossWeights(), s.Screen).Total.backward();
            bad.AddRange(model.named_parameters().Where(p => p.parameter.grad is { } g && !isfinite(g).all().item<bool>()).Select(p => $"step {step}: {p.name}"));
        }

        // Then
        Assert.Empty(bad);
    }
}
