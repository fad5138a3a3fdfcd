using Privatar.Interop.Tests.Fixtures;
using Privatar.Models;
using Privatar.Models.Variants;
using Privatar.Tests.Shared;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Interop.Tests;

public class CheckpointErrorTests
{
    /// <summary>Loads <paramref name="path"/> into a seeded model; the error message, and whether the weights stayed as they were.</summary>
    static (string Message, bool Untouched) Fail(string path, VaeConfig? cfg = null)
    {
        using var model = Vae.Baseline(cfg ?? PyTorchFixture.Config, 7);
        var before = model.state_dict().ToDictionary(kv => kv.Key, kv => kv.Value.clone());
        var e = Assert.Throws<InvalidDataException>(() =>
        {
            using var file = PyTorchStateDict.Read(path);
            StateDictTransfer.LoadStrict(model, file);
        });
        return (e.Message, model.state_dict().All(kv => kv.Value.bytes.SequenceEqual(before[kv.Key].bytes)));
    }

    [Fact]
    public void A_file_that_is_not_a_checkpoint_is_refused_naming_it()
    {
        using var dir = new Repo.TempDir();
        var path = Path.Combine(dir.Path, "notes.pth");
        File.WriteAllText(path, "hello, not a model");
        var (message, untouched) = Fail(path);
        Assert.StartsWith(path + ": not a PyTorch checkpoint", message);
        Assert.Contains("68 65 6C 6C", message);
        Assert.True(untouched);
    }

    [Fact]
    public void A_truncated_file_is_refused_naming_it()
    {
        using var dir = new Repo.TempDir();
        var path = Path.Combine(dir.Path, "cut.pth");
        var bytes = File.ReadAllBytes(PyTorchFixture.Checkpoint);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);
        var (message, untouched) = Fail(path);
        Assert.StartsWith(path + ": truncated or damaged zip archive", message);
        Assert.True(untouched);
    }

    [Fact]
    public void A_state_dict_of_another_size_names_the_first_key_and_both_shapes()
    {
        // the fixture has 5 vertices; a model for 6 expects a wider mesh_fc
        var (message, untouched) = Fail(PyTorchFixture.Checkpoint, PyTorchFixture.Config with { Vertices = 6 });
        Assert.StartsWith(PyTorchFixture.Checkpoint + ": not a state dict of DeepAppearanceVae at this size: key 'module.enc.mesh_fc.weight' has shape [256, 15], the model expects [256, 18]", message);
        Assert.True(untouched);
    }

    [Fact]
    public void A_state_dict_of_another_architecture_names_the_missing_key()
    {
        // torch.nn.utils.weight_norm's layout (weight_g / weight_v) instead of the original's weight / g
        using var dir = new Repo.TempDir();
        var path = Path.Combine(dir.Path, "other.pth");
        using (var file = PyTorchStateDict.Read(PyTorchFixture.Checkpoint))
            PyTorchStateDict.Write(path, file.Entries.Select(e => (e.Key.EndsWith(".g") ? e.Key[..^2] + ".weight_g" : e.Key, e.Tensor)));
        var (message, untouched) = Fail(path);
        Assert.Contains(": not a state dict of DeepAppearanceVae at this size: missing key 'module.", message);
        Assert.Contains(".g' (the model expects [", message);
        Assert.True(untouched);

        using var model = new DeepAppearanceVae(PyTorchFixture.Config);
        using var other = PyTorchStateDict.Read(path);
        var all = Assert.Throws<InvalidDataException>(() => StateDictTransfer.LoadStrict(model, other)).Message;
        Assert.Contains("more mismatches", all);
    }

    [Fact]
    public void Keys_with_and_without_the_prefix_mixed_are_refused()
    {
        using var dir = new Repo.TempDir();
        var path = Path.Combine(dir.Path, "mixed.pth");
        using (var file = PyTorchStateDict.Read(PyTorchFixture.Checkpoint))
            PyTorchStateDict.Write(path, file.Entries.Select((e, i) => (i == 3 ? e.Key["module.".Length..] : e.Key, e.Tensor)));
        var (message, _) = Fail(path);
        Assert.Contains("the 'module.' prefix", message);
    }

    [Fact]
    public void A_dict_holding_something_else_than_tensors_is_refused()
    {
        using var dir = new Repo.TempDir();
        var path = Path.Combine(dir.Path, "empty.pth");
        PyTorchStateDict.Write(path, []);
        Assert.StartsWith(path + ": an empty state dict", Fail(path).Message);
    }
}
