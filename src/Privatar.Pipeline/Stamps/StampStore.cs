using Privatar.Core;

namespace Privatar.Pipeline.Stamps;

/// <summary>Stamps of one profile: <c>artifacts/&lt;profile&gt;/.pipeline/stamps/&lt;Step&gt;/&lt;unit&gt;.json</c>.</summary>
public sealed class StampStore(string directory)
{
    public string PathOf(string step, string unit) => Path.Combine(directory, FileName(step, unit));

    /// <summary>A unit's stamp file inside the store.</summary>
    public static string FileName(string step, string unit) => $"{step}/{unit}.json";

    public Stamp? TryRead(string step, string unit)
    {
        var path = PathOf(step, unit);
        return File.Exists(path) ? StampSerializer.Parse(File.ReadAllText(path), path) : null;
    }

    /// <summary>Written last, after every output, atomically: a stamp on disk always describes complete outputs.</summary>
    public void Write(Stamp stamp) => AtomicFile.WriteAllText(PathOf(stamp.Step, stamp.Unit), StampSerializer.Serialize(stamp));

    /// <summary>Removed before a unit reruns, so an interrupted run leaves nothing that passes as current.</summary>
    public void Delete(string step, string unit) => DeleteFile(PathOf(step, unit));

    /// <summary>File.Delete that also accepts a missing directory.</summary>
    public static void DeleteFile(string path)
    {
        if (File.Exists(path)) File.Delete(path);
    }
}
