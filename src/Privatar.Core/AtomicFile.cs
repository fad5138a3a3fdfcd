using System.Text;

namespace Privatar.Core;

/// <summary>
/// Writes a file so that readers only ever see the old content or the complete new content:
/// the bytes go to a temporary sibling first, are flushed to disk, and then renamed over the target.
/// An interrupted write leaves at most a <c>*.tmp-*</c> file, never a truncated target.
/// </summary>
public static class AtomicFile
{
    public const string TempMarker = ".tmp-";

    public static void Write(string path, Action<Stream> write)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var tmp = Path.Combine(dir, Path.GetFileName(full) + TempMarker + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            using (var stream = new FileStream(tmp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(tmp, full, overwrite: true);
        }
        catch
        {
            TryDelete(tmp);
            throw;
        }
    }

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        Write(path, s => s.Write(copy));
    }

    /// <summary>UTF-8 without BOM and with LF line endings, whatever the platform.</summary>
    public static void WriteAllText(string path, string text) =>
        WriteAllBytes(path, new UTF8Encoding(false).GetBytes(text.Replace("\r\n", "\n")));

    /// <summary>Removes temporary files left by interrupted writes under a directory.</summary>
    public static int CleanStaleTemporaries(string directory)
    {
        if (!Directory.Exists(directory)) return 0;
        var n = 0;
        foreach (var f in Directory.EnumerateFiles(directory, "*" + TempMarker + "*", SearchOption.AllDirectories))
        {
            TryDelete(f);
            n++;
        }
        return n;
    }

    static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
