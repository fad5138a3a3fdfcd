using System.IO.Compression;
using System.Text.RegularExpressions;
using Razorvine.Pickle;
using Razorvine.Pickle.Objects;

namespace Privatar.Noise;

/// <summary>
/// The original's saved latents: a folder of <c>z_k.pth</c> (or <c>z_offload_k.pth</c>), one torch.save'd float tensor
/// [batch, d] per test batch k = 0..N. Read with Razorvine.Pickle (PyBridge's pickle library) without TorchSharp, since
/// the Noise step runs in the build process; PyBridge itself reads state dicts only, not a bare tensor.
/// </summary>
public static partial class PthLatents
{
    static PthLatents() => Unpickler.registerConstructor("torch._utils", "_rebuild_tensor_v2", new RebuildTensor());

    /// <summary>The batches <c>{stem}_0.pth</c> … <c>{stem}_N.pth</c> of <paramref name="folder"/>, in k order; a gap is an error.</summary>
    public static IReadOnlyList<double[,]> ReadBatches(string folder, string stem) =>
        Files(folder, stem).Select(ReadMatrix).ToList();

    /// <summary>The batch files of <paramref name="folder"/> in k order (z_2 before z_10), checked for gaps.</summary>
    public static IReadOnlyList<string> Files(string folder, string stem)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"{folder}: folder of the original's {stem}_k.pth latents not found");
        var pattern = new Regex($"^{Regex.Escape(stem)}_(\\d+)\\.pth$");
        var files = Directory.EnumerateFiles(folder)
            .Select(f => (Path: f, Match: pattern.Match(Path.GetFileName(f))))
            .Where(f => f.Match.Success)
            .Select(f => (f.Path, K: int.Parse(f.Match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .OrderBy(f => f.K).ToList();
        if (files.Count == 0) throw new FileNotFoundException($"{folder}: no {stem}_k.pth file");
        for (var i = 0; i < files.Count; i++)
            if (files[i].K != i) throw new InvalidDataException($"{folder}: {stem}_{i}.pth is missing (the batches run 0 … {files[^1].K})");
        return files.Select(f => f.Path).ToList();
    }

    /// <summary>One torch.save'd 2-D float tensor as a matrix (float32 widened to double).</summary>
    public static double[,] ReadMatrix(string path)
    {
        object loaded;
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var pkl = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal))
                ?? throw new InvalidDataException($"{path}: no data.pkl in the archive (not written by torch.save)");
            using var stream = pkl.Open();
            using var unpickler = new StorageUnpickler(zip);
            loaded = unpickler.load(stream);
        }
        catch (InvalidDataException e) when (!e.Message.StartsWith(path, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{path}: not a PyTorch file, or truncated ({e.Message})", e);
        }
        catch (PickleException e)
        {
            throw new InvalidDataException($"{path}: unreadable pickle ({e.Message})", e);
        }
        return loaded as double[,] ?? throw new InvalidDataException($"{path}: expected one latent tensor [batch, d], found a {loaded?.GetType().Name ?? "None"}");
    }

    sealed record Storage(string Type, byte[] Bytes);

    /// <summary>Resolves torch.save's persistent ids ("storage", type, key, location, numel) to the archive's data/key entry.</summary>
    sealed class StorageUnpickler(ZipArchive zip) : Unpickler
    {
        protected override object persistentLoad(object pid)
        {
            var id = (object[])pid;
            var type = ((ClassDictConstructor)id[1]).name;
            var key = (string)id[2];
            var entry = zip.Entries.FirstOrDefault(e => e.FullName.EndsWith($"/data/{key}", StringComparison.Ordinal))
                ?? throw new InvalidDataException($"storage {key} is missing from the archive");
            using var s = entry.Open();
            using var copy = new MemoryStream();
            s.CopyTo(copy);
            return new Storage(type, copy.ToArray());
        }
    }

    /// <summary>torch._utils._rebuild_tensor_v2(storage, offset, shape, stride, requires_grad, hooks) for 2-D float tensors.</summary>
    sealed class RebuildTensor : IObjectConstructor
    {
        public object construct(object[] args)
        {
            var storage = (Storage)args[0];
            var offset = Convert.ToInt64(args[1], System.Globalization.CultureInfo.InvariantCulture);
            var shape = ((object[])args[2]).Select(x => Convert.ToInt64(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            var stride = ((object[])args[3]).Select(x => Convert.ToInt64(x, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            if (shape.Length != 2) throw new InvalidDataException($"expected a latent batch [batch, d], got a tensor of shape [{string.Join(", ", shape)}]");
            Func<long, double> at = storage.Type switch
            {
                "FloatStorage" => i => BitConverter.ToSingle(storage.Bytes, checked((int)(4 * i))),
                "DoubleStorage" => i => BitConverter.ToDouble(storage.Bytes, checked((int)(8 * i))),
                _ => throw new InvalidDataException($"expected float latents, got a {storage.Type}"),
            };
            var m = new double[shape[0], shape[1]];
            for (long r = 0; r < shape[0]; r++)
                for (long c = 0; c < shape[1]; c++) m[r, c] = at(offset + r * stride[0] + c * stride[1]);
            return m;
        }
    }
}
