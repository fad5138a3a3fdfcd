using System.Collections;
using System.IO.Compression;
using Privatar.Core;
using TorchSharp;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace Privatar.Interop;

/// <summary>
/// A state dict in PyTorch's file format (torch.save's zip archive of a pickled dict plus one file per storage), read
/// and written with TorchSharp.PyBridge. Keys are kept as the file has them; <see cref="Prefixed"/> says whether they
/// carry DataParallel's 'module.'. Every failure names the file and what was wrong.
/// </summary>
public sealed class PyTorchStateDict : IDisposable
{
    PyTorchStateDict(string path, IReadOnlyList<(string Key, Tensor Tensor)> entries, bool prefixed)
    {
        Path = path;
        Entries = entries;
        Prefixed = prefixed;
    }

    public string Path { get; }
    /// <summary>The file's keys and tensors (CPU), in the order PyBridge returns them, sorted by key.</summary>
    public IReadOnlyList<(string Key, Tensor Tensor)> Entries { get; }
    /// <summary>Whether every key carries <see cref="OriginalKeys.DataParallelPrefix"/> (the original's pretrained checkpoint does).</summary>
    public bool Prefixed { get; }

    /// <summary>The tensors under our names (<see cref="OriginalKeys.ToOurs"/>).</summary>
    public IReadOnlyDictionary<string, Tensor> ByOurName() =>
        Entries.ToDictionary(e => OriginalKeys.ToOurs(e.Key, Prefixed), e => e.Tensor, StringComparer.Ordinal);

    /// <summary>First bytes of a torch.save file since PyTorch 1.6 (a zip archive's local file header).</summary>
    static readonly byte[] ZipMagic = [0x50, 0x4b, 0x03, 0x04];

    public static PyTorchStateDict Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: PyTorch checkpoint not found", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < ZipMagic.Length || !bytes.AsSpan(0, ZipMagic.Length).SequenceEqual(ZipMagic))
            throw CheckpointError.Of(path, bytes.Length > 1 && bytes[0] == 0x80 && bytes[1] <= 5
                ? "a pickle in torch.save's legacy format (PyTorch < 1.6); load it in PyTorch and save it again with torch.save"
                : $"not a PyTorch checkpoint: expected the zip archive torch.save writes (starting 50 4B 03 04), found {Hex(bytes)}");
        Hashtable table;
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            table = PyTorchUnpickler.UnpickleStateDict(stream);
        }
        catch (InvalidDataException e)
        {
            throw CheckpointError.Of(path, $"truncated or damaged zip archive ({e.Message}); {bytes.Length} bytes read", e);
        }
        catch (InvalidCastException e)
        {
            throw CheckpointError.Of(path, "the archive's pickle is not a dict of tensors (torch.save(model.state_dict(), ...) writes one)", e);
        }
        catch (System.Runtime.InteropServices.ExternalException e)
        {
            throw CheckpointError.Of(path, $"a tensor that is a view into a larger storage, which PyBridge cannot rebuild; save clones ({e.Message.Split('\n')[0]})", e);
        }
        catch (Exception e) when (e is Razorvine.Pickle.PickleException or InvalidOperationException or NotImplementedException or EndOfStreamException or IOException)
        {
            throw CheckpointError.Of(path, $"unreadable PyTorch archive ({e.GetType().Name}: {e.Message})", e);
        }
        var entries = new List<(string, Tensor)>();
        foreach (DictionaryEntry e in table)
        {
            if (e.Key is not string key) throw CheckpointError.Of(path, $"a key of type {e.Key.GetType().Name}; a state dict's keys are strings");
            if (e.Value is not Tensor t)
                throw CheckpointError.Of(path, $"key '{key}' holds a {e.Value?.GetType().Name ?? "None"}, not a tensor (a training checkpoint rather than a state dict?)");
            entries.Add((key, t));
        }
        if (entries.Count == 0) throw CheckpointError.Of(path, "an empty state dict");
        entries.Sort((a, b) => string.CompareOrdinal(a.Item1, b.Item1));
        var prefixed = entries[0].Item1.StartsWith(OriginalKeys.DataParallelPrefix, StringComparison.Ordinal);
        foreach (var (key, _) in entries)
            if (key.StartsWith(OriginalKeys.DataParallelPrefix, StringComparison.Ordinal) != prefixed)
                throw CheckpointError.Of(path, $"key '{key}' {(prefixed ? "lacks" : "carries")} the '{OriginalKeys.DataParallelPrefix}' prefix, unlike key '{entries[0].Item1}'");
        return new PyTorchStateDict(path, entries, prefixed);
    }

    /// <summary>Fixed time stamp of every archive entry, so that the same weights always give the same bytes.</summary>
    static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// Writes <paramref name="tensors"/> (key order kept) as a PyTorch state dict, atomically. The entries' time stamps
    /// are fixed so that two exports of the same weights are byte-identical.
    /// </summary>
    public static void Write(string path, IEnumerable<(string Key, Tensor Tensor)> tensors)
    {
        var dict = new System.Collections.Specialized.OrderedDictionary(StringComparer.Ordinal);
        foreach (var (key, t) in tensors) dict.Add(key, t);
        using var buffer = new MemoryStream();
        PyTorchPickler.PickleStateDict(buffer, dict, leaveOpen: true);
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Update, leaveOpen: true))
            foreach (var entry in zip.Entries) entry.LastWriteTime = EntryTime;
        AtomicFile.WriteAllBytes(path, buffer.ToArray());
    }

    static string Hex(byte[] bytes) =>
        bytes.Length == 0 ? "an empty file" : string.Join(" ", bytes.Take(8).Select(b => b.ToString("X2", Invariant.Culture)));

    public void Dispose()
    {
        foreach (var (_, t) in Entries) t.Dispose();
    }
}
