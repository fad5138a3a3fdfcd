using Privatar.Models.Tests.Fixtures;
using Privatar.Models.Training;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Models.Tests.Variants;

/// <summary>The original's full size (1024² texture, 7306 vertices, z 256, 38 cameras), batch 1, once per model.</summary>
public sealed class FullSizeTests
{
    [Fact]
    public void Should_Run_The_Baseline_Forward_And_Backward_With_The_Screen_Loss_At_2048x1334()
    {
        // Given
        var cfg = VaeConfig.Full;
        using var model = Vae.Baseline(cfg, seed: 1);
        using var s = SyntheticSamples.Create(cfg, 1, 2048, 1334, seed: 1);

        // When
        using var output = model.call(s.Batch.ToInput());
        using var terms = VaeLosses.Compute(output, s.Batch, s.Norm, new LossWeights(), s.Screen);
        terms.Total.backward();

        // Then
        Assert.Equal(new long[] { 1, 3, 1024, 1024 }, output.PredTex.shape);
        Assert.True(double.IsFinite(terms.Total.item<float>()) && terms.Screen.item<float>() > 0);
        Assert.True(model.named_parameters().All(p => !p.parameter.requires_grad || p.parameter.grad is not null));
        Assert.True(model.named_parameters().Single(p => p.name == "enc.texture_encoder.downsample.0.conv1.weight").parameter.grad!.abs().sum().item<float>() > 0);
    }

    [Fact]
    public void Should_Run_The_Partition_Forward_And_Backward()
    {
        // Given: n = 14, without the screen term (the renderer is covered above)
        var cfg = VaeConfig.Full;
        using var model = Vae.PartitionedHp(cfg, 14, seed: 2);
        using var s = SyntheticSamples.Create(cfg, 1, 64, 48, seed: 2);

        // When
        using var output = model.call(s.Batch.ToInput());
        using var terms = VaeLosses.Compute(output, s.Batch, s.Norm, new LossWeights(Screen: 0), null);
        terms.Total.backward();

        // Then
        Assert.Equal(new long[] { 1, 3, 1024, 1024 }, output.PredTex.shape);
        Assert.Equal(new long[] { 1, 256 }, output.ZOffload!.shape);
        Assert.True(double.IsFinite(terms.Total.item<float>()));
        Assert.True(model.named_parameters().Single(p => p.name == "dec.texture_decoder_offload.upsample.0.conv1.deconv.weight").parameter.grad!.abs().sum().item<float>() > 0);
    }
}
