using System.Globalization;
using System.IO.Hashing;
using System.Text;
using Privatar.Core;

namespace Privatar.Pipeline.Hashing;

/// <summary>Content hash and size of one file.</summary>
public readonly record struct FileHash(string Hash, long Size);

/// <summary>
/// xxHash128 of file contents, with a persistent (size, mtime) cache so that large checkpoints are
/// hashed once. A cache entry is trusted only if the file's mtime was at least <see cref="RacyWindow"/>
/// older than the moment the entry was recorded (git's "racily clean" rule): an edit in the same
/// clock tick as the hash, with the same size, is therefore still caught.
/// </summary>
public sealed class FileHasher(string root, string cachePath)
{
    public static readonly TimeSpan RacyWindow = TimeSpan.FromSeconds(2);
    readonly Dictionary<string, Entry> _cache = Load(cachePath);
    bool _dirty;

    public int Hashed { get; private set; }

    public FileHash? TryHash(string relative)
    {
        var info = new FileInfo(Path.Combine(root, relative));
        if (!info.Exists) return null;
        var mtime = info.LastWriteTimeUtc.Ticks;
        if (_cache.TryGetValue(relative, out var e) && e.Size == info.Length && e.MTime == mtime && e.MTime < e.Recorded - RacyWindow.Ticks)
            return new FileHash(e.Hash, e.Size);
        var hash = HashFile(info.FullName);
        Hashed++;
        _cache[relative] = new Entry(info.Length, mtime, hash, DateTime.UtcNow.Ticks);
        _dirty = true;
        return new FileHash(hash, info.Length);
    }

    public FileHash Hash(string relative) =>
        TryHash(relative) ?? throw new FileNotFoundException($"{relative}: file not found.", Path.Combine(root, relative));

    public static string HashFile(string path)
    {
        var h = new XxHash128();
        using (var s = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16)) h.Append(s);
        return Convert.ToHexStringLower(h.GetCurrentHash());
    }

    public static string HashText(string text) => Convert.ToHexStringLower(XxHash128.Hash(Encoding.UTF8.GetBytes(text)));

    /// <summary>Writes the cache (atomically) if anything was hashed since the last save.</summary>
    public void Save()
    {
        if (!_dirty) return;
        var sb = new StringBuilder("# path\tsize\tmtime_ticks\txxh128\trecorded_ticks\n");
        foreach (var (path, e) in _cache.OrderBy(k => k.Key, StringComparer.Ordinal))
            sb.Append(CultureInfo.InvariantCulture, $"{path}\t{e.Size}\t{e.MTime}\t{e.Hash}\t{e.Recorded}\n");
        AtomicFile.WriteAllText(cachePath, sb.ToString());
        _dirty = false;
    }

    readonly record struct Entry(long Size, long MTime, string Hash, long Recorded);

    // The cache only saves time: an unreadable line is dropped and the file rehashed, never trusted.
    static Dictionary<string, Entry> Load(string path)
    {
        var cache = new Dictionary<string, Entry>(StringComparer.Ordinal);
        if (!File.Exists(path)) return cache;
        foreach (var line in File.ReadLines(path))
        {
            var f = line.Split('\t');
            if (f.Length == 5 && long.TryParse(f[1], CultureInfo.InvariantCulture, out var size)
                && long.TryParse(f[2], CultureInfo.InvariantCulture, out var mtime)
                && long.TryParse(f[4], CultureInfo.InvariantCulture, out var rec) && f[3].Length == 32)
                cache[f[0]] = new Entry(size, mtime, f[3], rec);
        }
        return cache;
    }
}
