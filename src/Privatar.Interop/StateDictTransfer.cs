using static TorchSharp.torch;

namespace Privatar.Interop;

/// <summary>
/// Moves whole state dicts between our modules and PyTorch files: <see cref="LoadStrict"/> is PyTorch's
/// load_state_dict(strict=True) (every key of the model present, no other key, same shape and dtype; nothing is copied
/// unless all match), <see cref="Export"/> writes what the original model class's load_state_dict accepts.
/// </summary>
public static class StateDictTransfer
{
    /// <summary>
    /// Copies the file's tensors into <paramref name="model"/> under <see cref="OriginalKeys"/>. The first mismatch in the
    /// model's key order (then the first unexpected key) fails naming the file, the key and both shapes.
    /// </summary>
    public static void LoadStrict(nn.Module model, PyTorchStateDict file)
    {
        var source = Mapped(file);
        var target = model.state_dict();
        var problems = Mismatches(source, target, file).ToList();
        if (problems.Count > 0)
            throw CheckpointError.Of(file.Path,
                $"not a state dict of {model.GetName()} at this size: {problems[0]}" +
                (problems.Count > 1 ? $" ({problems.Count - 1} more mismatch{(problems.Count > 2 ? "es" : "")})" : ""));
        using var _ = no_grad();
        foreach (var (name, t) in target) t.copy_(source[name]);
    }

    /// <summary>Writes <paramref name="model"/>'s state dict under the original's keys (<see cref="OriginalKeys.ToOriginal"/>).</summary>
    public static void Export(nn.Module model, string path) =>
        PyTorchStateDict.Write(path, model.state_dict().Select(kv => (OriginalKeys.ToOriginal(kv.Key), kv.Value)));

    static IReadOnlyDictionary<string, Tensor> Mapped(PyTorchStateDict file)
    {
        try { return file.ByOurName(); }
        catch (ArgumentException e) { throw CheckpointError.Of(file.Path, e.Message, e); }
    }

    static IEnumerable<string> Mismatches(IReadOnlyDictionary<string, Tensor> source, IDictionary<string, Tensor> target, PyTorchStateDict file)
    {
        foreach (var (name, t) in target)
        {
            var key = file.Prefixed ? OriginalKeys.DataParallelPrefix + name : name;
            if (!source.TryGetValue(name, out var s)) yield return $"missing key '{key}' (the model expects {Shape(t)})";
            else if (!s.shape.SequenceEqual(t.shape)) yield return $"key '{key}' has shape {Shape(s)}, the model expects {Shape(t)}";
            else if (s.dtype != t.dtype) yield return $"key '{key}' holds {s.dtype}, the model expects {t.dtype}";
        }
        foreach (var (key, t) in file.Entries)
        {
            var name = OriginalKeys.ToOurs(key, file.Prefixed);
            if (!target.ContainsKey(name)) yield return $"unexpected key '{key}' {Shape(t)}{OriginalKeys.Hint(key)}";
        }
    }

    public static string Shape(Tensor t) => $"[{string.Join(", ", t.shape)}]";
}
