using Privatar.Core;
using Privatar.Models;
using Privatar.Results;
using Privatar.Training.Tests.Fixtures;
using Xunit;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Training.Tests;

/// <summary>Train, test and variant initialisation on a tiny generated subject (a few iterations; no timing asserted).</summary>
public sealed class EndToEndTests(TinySubject subject) : IClassFixture<TinySubject>
{
    static readonly TrainSettings Tiny = new() { MaxIter = 2, ValEvery = 2, ValNum = 0, BatchSize = 2, Seed = 7 };

    [Fact]
    public void Training_writes_checkpoints_and_curves_and_is_reproducible_then_test_writes_metrics_and_latents()
    {
        using var data = AvatarData.Open(subject.Subject);
        var a = new TrainOutputs(subject.NewDir("a"));
        var b = new TrainOutputs(subject.NewDir("b"));
        var ra = Trainer.Run(data, ModelConfig.Baseline, Tiny, a, null);
        var rb = Trainer.Run(data, ModelConfig.Baseline, Tiny, b, null);

        Assert.All(a.All, f => Assert.True(File.Exists(f), f));
        var curve = ResultCsv.ReadFile(ResultFamilies.TrainingCurves, a.Curve);
        Assert.Equal([(0L, "train"), (1L, "train"), (1L, "val")], curve.Select(r => (r.Iter, r.Split)));
        Assert.All(curve, r => Assert.Equal(r.LossVert + r.LossTex + r.LossScreen + 0.01 * r.LossKl, r.LossTotal, 1e-4));
        Assert.Equal(1, ra.BestIteration);
        // Same seed, same losses. Byte equality holds between 1-thread processes (the pipeline's units); a second run
        // inside one process differs in the last digits (libtorch state), so this in-process check allows 1e-5.
        Assert.Equal(ra.Curve.Select(r => r.LossTotal), rb.Curve.Select(r => r.LossTotal), (x, y) => Math.Abs(x - y) <= 1e-5 * Math.Abs(x));
        Assert.Equal(ra.Curve.Select(r => (r.Iter, r.Split)), rb.Curve.Select(r => (r.Iter, r.Split)));
        var info = Checkpoints.ReadInfo(a.Info);
        Assert.Equal(("baseline", 64, 144), (info.Variant, info.TexSize, info.Vertices));

        var t = new TestOutputs(subject.NewDir("test"));
        var row = Tester.Run(data, a.Best, info, new TestSettings(1, 2, 7, null, new()), t);
        Assert.Equal(2, row.Samples);
        Assert.Null(row.Lpips);
        Assert.InRange(row.Ssim, -1, 1);
        Assert.True(row.ScreenMse > 0 && row.TexMse > 0 && row.VertMse > 0);
        var z = Npy.Read(t.Z);
        Assert.Equal([2, 256], z.Shape);
        Assert.False(File.Exists(t.ZOffload));   // the baseline offloads nothing
        Assert.Equal(3, File.ReadAllLines(t.Samples).Length);
        Assert.Equal(row, ResultCsv.ReadFile(ResultFamilies.TestMetrics, t.Metrics).Single());
    }

    [Fact]
    public void Variants_copy_the_baseline_keys_the_original_copies()
    {
        using var data = AvatarData.Open(subject.Subject);
        var cfg = data.ModelConfig(Fidelity.Corrected);
        var dir = subject.NewDir("init");
        var path = Path.Combine(dir, "baseline.pt");
        using (var baseline = ModelConfig.Baseline.Create(cfg, 3)) Checkpoints.Save(baseline, path);
        using var reference = ModelConfig.Baseline.Create(cfg, 99);
        Checkpoints.Load(reference, path);
        var refDict = reference.state_dict();

        var (part, copied, fresh) = Checkpoints.FromBaseline(new ModelConfig(VaeVariant.Partition, Offloaded: 14), cfg, 5, path);
        using (part)
        {
            Assert.Contains("dec.z_fc.weight", copied);
            Assert.Contains("enc.mesh_fc.weight", copied);
            Assert.DoesNotContain(copied, k => k.Contains("texture_encoder") || k.Contains("texture_decoder"));
            Assert.Contains("enc_offloaded.fc.weight", fresh);
            Assert.Contains("dec.z_fc_offload.weight", fresh);
            var partDict = part.state_dict();
            Assert.All(copied, k => Assert.True(partDict[k].allclose(refDict[k], 0, 0), k));
        }
        var (quant, qCopied, qFresh) = Checkpoints.FromBaseline(new ModelConfig(VaeVariant.Quantization, Bits: 8), cfg, 5, path);
        using (quant)
        {
            Assert.Empty(qFresh);
            Assert.Equal(refDict.Count, qCopied.Count);
        }
    }

    [Fact]
    public void From_the_originals_pretrained_checkpoint_each_variant_copies_by_its_rule()
    {
        // Given a baseline of the subject's size written as the original's checkpoint (PyTorch, keys with 'module.')
        using var data = AvatarData.Open(subject.Subject);
        var cfg = data.ModelConfig(Fidelity.Corrected);
        var dir = subject.NewDir("pretrained");
        var path = Path.Combine(dir, "6795937_best_model.pth");
        using var source = ModelConfig.Baseline.Create(cfg, 3);
        Privatar.Interop.PyTorchStateDict.Write(path, source.state_dict().Select(kv => ("module." + kv.Key, kv.Value)));
        var sourceDict = source.state_dict();

        // Then the baseline loads it whole, bit for bit
        var (baseline, all, none) = Checkpoints.FromPretrained(ModelConfig.Baseline, cfg, 5, path);
        using (baseline)
        {
            Assert.Empty(none);
            Assert.All(baseline.state_dict(), kv => Assert.True(kv.Value.bytes.SequenceEqual(sourceDict[kv.Key].bytes), kv.Key));
        }
        // direct split and partition copy every key but texture_encoder / texture_decoder that the baseline has
        foreach (var spec in new[] { new ModelConfig(VaeVariant.DirectSplit), new ModelConfig(VaeVariant.Partition, Offloaded: 8), new ModelConfig(VaeVariant.FreqDecompose) })
        {
            var (model, copied, fresh) = Checkpoints.FromPretrained(spec, cfg, 5, path);
            using (model)
            {
                Assert.Contains("dec.z_fc.weight", copied);
                Assert.Contains("cc.weight", copied);
                Assert.DoesNotContain(copied, k => k.Contains("texture_encoder") || k.Contains("texture_decoder"));
                Assert.Contains(fresh, k => k.Contains("texture_decoder"));
                var dict = model.state_dict();
                Assert.All(copied, k => Assert.True(dict[k].bytes.SequenceEqual(sourceDict[k].bytes), k));
            }
        }

        // And a checkpoint of another size fails naming the file, before anything is trained
        var other = cfg with { Vertices = cfg.Vertices + 1 };
        var e = Assert.Throws<InvalidDataException>(() => Checkpoints.FromPretrained(ModelConfig.Baseline, other, 5, path));
        Assert.StartsWith(path + ": not a state dict of DeepAppearanceVae at this size: key 'module.enc.mesh_fc.weight' has shape", e.Message);
    }
}
