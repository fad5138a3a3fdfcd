namespace Privatar.Pipeline.Tests.Fixtures;

/// <summary>A throw-away repository root under the temp directory, deleted on dispose.</summary>
public sealed class Scratch : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "privatar-pipeline-tests", Guid.NewGuid().ToString("N")[..12]);

    public Scratch() => Directory.CreateDirectory(Root);

    public string PathOf(string relative) => Path.Combine(Root, relative);

    public Scratch Write(string relative, string text)
    {
        var path = PathOf(relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return this;
    }

    public string Read(string relative) => File.ReadAllText(PathOf(relative));

    /// <summary>Every file under a relative directory, with its bytes, for byte-for-byte comparison.</summary>
    public SortedDictionary<string, string> Snapshot(string relative, Func<string, bool>? include = null)
    {
        var dir = PathOf(relative);
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var f in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
        {
            var rel = Path.GetRelativePath(Root, f).Replace('\\', '/');
            if (include is null || include(rel)) files[rel] = Convert.ToHexString(File.ReadAllBytes(f));
        }
        return files;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
