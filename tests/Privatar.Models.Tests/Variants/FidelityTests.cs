using Privatar.Models.Tests.Fixtures;
using Privatar.Models.Training;
using Privatar.Models.Variants;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Models.Tests.Variants;

/// <summary>Each result-changing quirk of the original, reproduced under Fidelity.Original and fixed under Corrected.</summary>
public sealed class FidelityTests
{
    [Theory]
    [InlineData(Fidelity.Original, false)]
    [InlineData(Fidelity.Corrected, true)]
    public void Should_Train_The_Offload_Encoder_Only_When_Corrected(Fidelity fidelity, bool trains)
    {
        // Given
        var cfg = Tiny.Config(fidelity);
        using var model = Vae.PartitionedHp(cfg, 14, seed: 1);
        using var s = SyntheticSamples.Create(cfg, 2, 24, 20, seed: 2);
        var names = model.named_parameters().ToDictionary(p => p.parameter.Handle, p => p.name);
        var before = model.named_parameters().Single(p => p.name == "enc_offloaded.fc.weight").parameter.detach().clone();
        var optimized = model.ParametersForOptimizer().Select(p => names[p.Handle]).ToList();

        // When: one training step
        var (main, cc) = VaeStep.Optimizers(model, 1e-3);
        VaeStep.Train(model, s.Batch, s.Norm, new LossWeights(), s.Screen, main, cc);

        // Then
        Assert.Equal(trains, optimized.Any(n => n.StartsWith("enc_offloaded.")));
        Assert.Contains(optimized, n => n.StartsWith("enc."));
        var after = model.named_parameters().Single(p => p.name == "enc_offloaded.fc.weight").parameter;
        Assert.Equal(!trains, after.equal(before).all().item<bool>());
    }

    [Fact]
    public void Should_Copy_Absolute_Weights_And_Reset_Gains_When_Pruning_Like_The_Original()
    {
        // Given
        using var source = Vae.Baseline(Tiny.Config(Fidelity.Original), seed: 3);

        // When
        using var pruned = Vae.Sparse(source, 0.5, seed: 3);

        // Then: narrower layers (32 -> 16 hidden, 64 -> 32 out), |W| everywhere, g = 1
        var deconvs = pruned.Decoder.TextureDecoder.Deconvs.Select(d => d.Deconv).ToList();
        Assert.Equal(new long[] { 16, 32, 32, 3 }, deconvs.Select(d => d.OutChannels));
        Assert.Equal(new long[] { 32, 16, 32, 32 }, deconvs.Select(d => d.InChannels));
        Assert.All(deconvs, d => Assert.True(d.Weight.min().item<float>() >= 0));
        Assert.All(deconvs, d => Assert.Equal(1f, d.Gain.max().item<float>()));
    }

    [Fact]
    public void Should_Keep_The_Computation_Of_Kept_Channels_When_Pruning_Corrected()
    {
        // Given
        using var source = Vae.Baseline(Tiny.Config(), seed: 4);
        using var code = randn(2, 32 * 16);

        // When: ratio 0 prunes nothing; ratio 0.5 keeps the 16 largest-L1 channels of the first deconv
        using var same = Vae.Sparse(source, 0.0, seed: 4);
        using var half = Vae.Sparse(source, 0.5, seed: 4);
        using var _ = no_grad();
        using var expected = source.Decoder.TextureDecoder.call(code);
        using var actual = same.Decoder.TextureDecoder.call(code);
        var srcFirst = source.Decoder.TextureDecoder.Deconvs.First();
        var dstFirst = half.Decoder.TextureDecoder.Deconvs.First();
        using var x = code.view(2, 32, 4, 4);
        using var srcOut = srcFirst.call(x);
        using var dstOut = dstFirst.call(x);
        using var l1 = srcFirst.Deconv.Weight.abs().sum(new long[] { 0, 2, 3 });
        using var kept = l1.topk(16).indexes.sort().Values;

        // Then
        Assert.True(actual.allclose(expected, rtol: 1e-4, atol: 1e-5));
        Assert.True(dstOut.allclose(srcOut.index_select(1, kept), rtol: 1e-4, atol: 1e-5));
    }

    [Theory]
    [InlineData(Fidelity.Original)]
    [InlineData(Fidelity.Corrected)]
    public void Should_Put_Effective_Weights_On_A_Symmetric_Grid(Fidelity fidelity)
    {
        // Given: a deconv with its effective weight's per-slice maxima recorded
        using var layer = new Privatar.Models.Layers.ConvTranspose2dWN(6, 5, 4, 2, 1);
        using var gen = new Generator(8);
        Privatar.Models.Layers.Glorot.Init(layer, 0.2, gen);
        using (no_grad()) layer.Gain.copy_(rand(5, generator: gen) + 0.5);
        using var maxBefore = layer.EffectiveWeight().detach().abs().amax(new long[] { 1, 2, 3 });

        // When: 3-bit projection
        WeightQuantization.Project(layer, 3, fidelity);

        // Then: at most 2^3 levels per dim-0 slice in both modes; only Corrected keeps the grid's scale exactly
        Assert.True(WeightQuantization.MaxLevelsPerSlice(layer) <= 8);
        using var maxAfter = layer.EffectiveWeight().detach().abs().amax(new long[] { 1, 2, 3 });
        Assert.Equal(fidelity == Fidelity.Corrected, maxAfter.allclose(maxBefore, rtol: 1e-5, atol: 1e-7));
    }

    [Fact]
    public void Should_Add_Noise_To_The_Offloaded_Latent_Only()
    {
        // Given
        var cfg = Tiny.Config();
        using var model = Vae.PartitionedHp(cfg, 8, seed: 5);
        using var s = SyntheticSamples.Create(cfg, 2, 24, 20, seed: 6);
        using var variance = full(cfg.Latent, 100f);

        // When: the same random stream with and without noise
        manual_seed(1);
        var (z0, off0, _) = model.Encode(s.Batch.ToInput());
        manual_seed(1);
        var (z1, off1, _) = model.Encode(s.Batch.ToInput(variance));
        using var attack = model.AttackForward(s.Batch.ToInput());

        // Then: z differs at most by its own sampling (0 with the same random stream, std ~1.4 if another test class
        // drew from the global stream in between); z_offload also carries the injected noise (std ~10); the
        // attacker sees 3·r_off channels
        Assert.InRange((z1 - z0).std().item<float>(), 0f, 3f);
        Assert.InRange((off1 - off0).std().item<float>(), 8f, 12f);
        Assert.Equal(new long[] { 2, 3 * model.Grouping.OffloadedRatio, 16, 16 }, attack.shape);
    }

    [Theory]
    [InlineData(Fidelity.Original)]
    [InlineData(Fidelity.Corrected)]
    public void Should_Initialise_The_Last_Deconv_With_Alpha_One_Only_When_Corrected(Fidelity fidelity)
    {
        // The original calls glorot(upsample[-1].conv2, 1.0) on a DeconvTexelBias, which glorot ignores, so the
        // layer keeps alpha = 0.2 (gain sqrt(2/1.04) = 1.387 instead of 1).
        using var model = Vae.Baseline(Tiny.Config(fidelity), seed: 7);
        var last = model.Decoder.TextureDecoder.Deconvs.Last().Deconv;   // 64 -> 3 at 64²
        var alphaOneBound = Math.Sqrt(2.0 / ((64 + 3) * 4.0)) * Math.Sqrt(3);
        var max = last.Weight.abs().max().item<float>();
        Assert.Equal(fidelity == Fidelity.Corrected, max <= alphaOneBound + 1e-6);
    }
}
