using Privatar.Core;

namespace Privatar.Pipeline.Stamps;

/// <summary>
/// Why each unit's last run failed (<c>.pipeline/failures/&lt;Step&gt;/&lt;unit&gt;.txt</c>): its previous outputs and stamp
/// are kept, so without this record Status could only say what changed, not that a run was tried and refused.
/// Removed when the unit next succeeds.
/// </summary>
public sealed class FailureStore(string directory)
{
    string PathOf(string step, string unit) => Path.Combine(directory, step, unit + ".txt");

    public void Record(string step, string unit, string message) => AtomicFile.WriteAllText(PathOf(step, unit), message.TrimEnd() + "\n");

    public void Clear(string step, string unit) => StampStore.DeleteFile(PathOf(step, unit));

    public string? Read(string step, string unit)
    {
        var path = PathOf(step, unit);
        return File.Exists(path) ? File.ReadAllText(path).TrimEnd() : null;
    }
}
