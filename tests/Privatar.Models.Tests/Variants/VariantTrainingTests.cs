using Privatar.Models.Tests.Fixtures;
using Privatar.Models.Training;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Privatar.Models.Tests.Variants;

public sealed class VariantTrainingTests(ITestOutputHelper log)
{
    public static TheoryData<string> AllVariants => new() { "baseline", "direct_split", "quantization", "sparse", "freq_decompose", "partition" };

    [Theory]
    [MemberData(nameof(AllVariants))]
    public void Should_Run_Forward_And_Backward_At_A_Profile_Size(string variant)
    {
        // Given: a 64² profile model and two synthetic samples
        var cfg = Tiny.Config();
        using var model = Tiny.Model(variant, cfg);
        using var s = SyntheticSamples.Create(cfg, 2, 24, 20, seed: 3);

        // When
        using var output = model.call(s.Batch.ToInput());
        using var terms = VaeLosses.Compute(output, s.Batch, s.Norm, new LossWeights(), s.Screen);
        terms.Total.backward();

        // Then: shapes of the original, finite losses, and gradients reaching the first encoder conv and the decoder
        Assert.Equal(new long[] { 2, 3, 64, 64 }, output.PredTex.shape);
        Assert.Equal(new long[] { 2, 36, 3 }, output.PredVerts.shape);
        Assert.True(double.IsFinite(terms.Total.item<float>()) && terms.Screen.item<float>() > 0);
        var grads = model.named_parameters().Where(p => p.parameter.grad is not null)
            .ToDictionary(p => p.name, p => p.parameter.grad!.abs().sum().item<float>());
        Assert.True(grads["enc.texture_encoder.downsample.0.conv1.weight"] > 0);
        Assert.True(grads.Where(g => g.Key.StartsWith("dec.") && g.Key.EndsWith("upsample.0.conv1.deconv.weight")).All(g => g.Value > 0));
    }

    [Theory]
    [InlineData("baseline", 80, 3e-3, 10)]
    [InlineData("quantization", 80, 3e-3, 10)]
    [InlineData("sparse", 80, 3e-3, 10)]
    [InlineData("freq_decompose", 80, 3e-3, 10)]
    // Partition at 3e-3 sat at the edge of divergence: about one run in four ended in NaN, depending on the last
    // bits of libtorch's CPU reductions. At 1.5e-3 six of six runs gave the same 28x drop.
    [InlineData("partition", 120, 1.5e-3, 10)]
    // Direct split's texture latent is not scaled (as in the original): z_texture carries noise of std ~1 at init
    // that the decoder must first learn to tune out, so it fits more slowly (measured 7.8x at 150 steps).
    [InlineData("direct_split", 150, 5e-3, 5)]
    public void Should_Overfit_A_Few_Samples(string variant, int steps, double lr, double factor)
    {
        // Given
        var cfg = Tiny.Config();
        using var model = Tiny.Model(variant, cfg, seed: 2);
        using var s = SyntheticSamples.Create(cfg, 2, 24, 20, seed: 4);

        // When: Adam steps on the same batch
        var (before, after) = Tiny.Overfit(model, s, steps, lr);

        // Then: the reconstruction loss (vert + tex + screen) drops by the given factor (measured: 25-33x for the others)
        log.WriteLine($"{variant}: {before:F4} -> {after:F4} ({before / after:F1}x)");
        Assert.True(after * factor < before, $"{variant}: loss {before} -> {after}");
    }
}
