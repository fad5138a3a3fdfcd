using Privatar.Models.Layers;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Privatar.Models.Tests.Layers;

/// <summary>
/// libtorch's CPU conv2d returned garbage here for a shape our partition encoders use (42 -> 128 channels on 16x16,
/// stride 2) once the allocator held stale NaNs; Conv2dWN therefore computes im2col + matmul. These tests pin both
/// the arithmetic and the determinism of that path.
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
}
