using Privatar.Interop.Tests.Fixtures;
using Privatar.Models.Variants;
using Privatar.Tests.Shared;
using Xunit;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace Privatar.Interop.Tests;

public class StateDictTransferTests(ITestOutputHelper output)
{
    static DeepAppearanceVae Loaded()
    {
        var model = new DeepAppearanceVae(PyTorchFixture.Config);
        using var file = PyTorchStateDict.Read(PyTorchFixture.Checkpoint);
        StateDictTransfer.LoadStrict(model, file);
        return model;
    }

    [Fact]
    public void The_imported_fixture_computes_what_PyTorch_computed()
    {
        // Given the PyTorch checkpoint loaded into our baseline and PyTorch's input, sampling noise and outputs
        using var model = Loaded();
        model.eval();
        using var io = PyTorchStateDict.Read(PyTorchFixture.Io);
        var t = io.ByOurName();

        // When our modules run the original's forward with the same eps (z = 0.1·mean + exp(0.01·logstd)·eps)
        using var _ = no_grad();
        var (mean, logStd) = model.Encoder.call(t["avg_tex"], t["verts"].reshape(2, -1));
        var z = mean * 0.1 + (logStd * 0.01).exp() * t["eps"];
        var (tex, mesh) = model.Decoder.call(z, t["view"]);
        var predTex = model.ColorCorrection.call(tex, t["cam"]);

        // Then every output matches PyTorch's within 1e-4
        var diffs = new Dictionary<string, double>
        {
            ["mean"] = MaxAbs(mean, t["mean"]), ["logstd"] = MaxAbs(logStd, t["logstd"]), ["z"] = MaxAbs(z, t["z"]),
            ["pred_tex"] = MaxAbs(predTex, t["pred_tex"]), ["pred_verts"] = MaxAbs(mesh.view(t["pred_verts"].shape), t["pred_verts"]),
        };
        foreach (var (k, d) in diffs) output.WriteLine($"{k}: max abs difference {d:G3}");
        Assert.All(diffs, kv => Assert.True(kv.Value <= 1e-4, $"{kv.Key}: {kv.Value}"));
        Assert.True(t["pred_tex"].abs().max().item<float>() > 0.01f);   // not a trivially zero output
    }

    [Fact]
    public void Export_then_import_round_trips_bit_exactly_and_exports_are_byte_identical()
    {
        // Given the imported fixture
        using var model = Loaded();
        using var dir = new Repo.TempDir();
        var a = Path.Combine(dir.Path, "a.pth");
        var b = Path.Combine(dir.Path, "b.pth");

        // When it is exported twice and one export is imported into a fresh model
        StateDictTransfer.Export(model, a);
        StateDictTransfer.Export(model, b);
        using var again = new DeepAppearanceVae(PyTorchFixture.Config);
        using (var file = PyTorchStateDict.Read(a))
        {
            Assert.False(file.Prefixed);   // the original's train.py saves without DataParallel's prefix
            StateDictTransfer.LoadStrict(again, file);
        }

        // Then every tensor is bit-identical and the two files are the same bytes
        var before = model.state_dict();
        foreach (var (k, v) in again.state_dict()) Assert.True(v.bytes.SequenceEqual(before[k].bytes), k);
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    [Fact]
    public void The_module_prefix_is_stripped_and_every_key_is_the_original_name()
    {
        using var file = PyTorchStateDict.Read(PyTorchFixture.Checkpoint);
        using var model = new DeepAppearanceVae(PyTorchFixture.Config);
        Assert.True(file.Prefixed);
        Assert.Equal(model.state_dict().Keys.Order(StringComparer.Ordinal), file.ByOurName().Keys.Order(StringComparer.Ordinal));
        // weight-norm layers: v as 'weight', g as 'g' (one per output channel), as in the original
        Assert.Contains("module.dec.texture_decoder.upsample.0.conv1.deconv.g", file.Entries.Select(e => e.Key));
        Assert.Equal("dec.z_fc.weight", OriginalKeys.ToOurs("module.dec.z_fc.weight", prefixed: true));
        Assert.Equal("dec.z_fc.g", OriginalKeys.ToOriginal("dec.z_fc.g"));
    }

    static double MaxAbs(Tensor a, Tensor b) => (a - b).abs().max().item<float>();
}
