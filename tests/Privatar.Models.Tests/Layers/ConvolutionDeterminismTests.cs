using Privatar.Models.Layers;
using Privatar.Tests.Shared;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Privatar.Models.Tests.Layers;

/// <summary>
/// libtorch's oneDNN path for NCHW float32 conv2d / conv_transpose2d reads the padded lanes of channel-blocked buffers
/// it never wrote (see ChannelsLast): wrong outputs and gradients for many of our shapes, non-finite ones once the
/// allocator recycles NaNs. Conv2dWN and ConvTranspose2dWN therefore run on channels-last inputs. These tests pin their
/// arithmetic against float64 (which never takes the oneDNN path) on shapes that failed, with NaN-filled memory.
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

    /// <summary>Output channels of 4x4 stride-2 deconvs whose forward (40, 48) or input gradient (24, 40, 56) the NCHW path got wrong.</summary>
    [Theory]
    [InlineData(32, 24, 4)]
    [InlineData(32, 40, 4)]
    [InlineData(64, 48, 16)]
    [InlineData(64, 56, 16)]
    public void Should_Match_Float64_Deconvolution_On_Shapes_The_Nchw_Path_Got_Wrong(long cin, long cout, long side)
    {
        using var deconv = new ConvTranspose2dWN(cin, cout, 4, 2, 1);
        AssertMatchesFloat64(deconv, new long[] { 2, cin, side, side }, seed: 6);
    }

    /// <summary>4x4 stride-2 convs the NCHW path got wrong, among them the partition encoders' 42 -> 128 on 16x16.</summary>
    [Theory]
    [InlineData(42, 128, 16)]
    [InlineData(24, 40, 32)]
    [InlineData(3, 24, 8)]
    public void Should_Match_Float64_Convolution_On_Shapes_The_Nchw_Path_Got_Wrong(long cin, long cout, long side)
    {
        using var conv = new Conv2dWN(cin, cout, 4, 2, 1);
        AssertMatchesFloat64(conv, new long[] { 2, cin, side, side }, seed: 7);
    }

    /// <summary>Output, input gradient and weight gradient in float32 (oneDNN) within 1e-3 of float64, over calls with NaN-filled memory.</summary>
    static void AssertMatchesFloat64<TLayer>(TLayer layer, long[] inputShape, ulong seed) where TLayer : nn.Module<Tensor, Tensor>, IWeightNormLayer
    {
        using var gen = new Generator(seed);
        Glorot.Init(layer, 0.2, gen);
        using var x = randn(inputShape, generator: gen);
        using var layerOutput = layer.call(x);
        using var outputGrad = randn(layerOutput.shape, generator: gen);
        (Tensor Y, Tensor Gx, Tensor Gw) Run(ScalarType dtype)
        {
            layer.to(dtype);
            layer.zero_grad();
            var input = x.to(dtype).detach().requires_grad_();
            StaleMemory.Poison();
            var y = layer.call(input);
            StaleMemory.Poison();
            y.backward(new[] { outputGrad.to(dtype) });
            return (y.detach().to(float64), input.grad!.to(float64), layer.Weight.grad!.to(float64));
        }
        using var reference = NewDisposeScope();
        var (ry, rgx, rgw) = Run(float64);
        for (var call = 0; call < 3; call++)
        {
            var (y, gx, gw) = Run(float32);
            Assert.True(y.allclose(ry, rtol: 1e-3, atol: 1e-3), $"call {call}: output differs from float64 by {(y - ry).abs().max().item<double>()}");
            Assert.True(gx.allclose(rgx, rtol: 1e-3, atol: 1e-3), $"call {call}: input gradient differs from float64 by {(gx - rgx).abs().max().item<double>()}");
            Assert.True(gw.allclose(rgw, rtol: 1e-3, atol: 1e-3), $"call {call}: weight gradient differs from float64 by {(gw - rgw).abs().max().item<double>()}");
        }
    }

    [Fact]
    public void Should_Give_Finite_Partition_Gradients_Even_With_Stale_Memory()
    {
        // Given: partition n = 14, whose decoders got non-finite gradients through the NCHW path, and an allocator dirtied
        // with NaN blocks of many sizes before every step
        var cfg = Fixtures.Tiny.Config(Fidelity.Corrected);
        using var model = Vae.PartitionedHp(cfg, 14, seed: 1);
        using var s = Fixtures.SyntheticSamples.Create(cfg, 2, 24, 20, seed: 2);
        var bad = new List<string>();

        // When
        for (var step = 0; step < 40; step++)
        {
            StaleMemory.Poison();
            using var scope = NewDisposeScope();
            model.zero_grad();
            var output = model.call(s.Batch.ToInput());
            StaleMemory.Poison();
            Training.VaeLosses.Compute(output, s.Batch, s.Norm, new Training.LossWeights(), s.Screen).Total.backward();
            bad.AddRange(model.named_parameters().Where(p => p.parameter.grad is { } g && !isfinite(g).all().item<bool>()).Select(p => $"step {step}: {p.name}"));
        }

        // Then
        Assert.Empty(bad);
    }
}
