using Privatar.Core;
using Privatar.Pipeline.Stamps;

namespace Privatar.Pipeline.Execution;

/// <summary>
/// Keeps a unit's last good outputs and stamp until its new ones are complete. Verbs are told where to write by
/// paths on their command line (often a directory they fill), so the new outputs cannot be redirected; instead the
/// old ones are moved aside (a rename inside the profile tree, <c>.pipeline/previous/&lt;Step&gt;/&lt;unit&gt;/</c>)
/// before the unit runs, dropped once its new stamp is written, and moved back if it fails. A build killed while a
/// unit ran leaves the folder behind; the next build, on taking the lock, restores it. Every step is a rename and
/// each is redone safely after a kill: the manifest says which files existed, and the stamp moves last.
/// </summary>
public sealed class PreviousOutputs(string root, string directory, StampStore stamps)
{
    const string Manifest = "manifest.txt";
    const string StampCopy = "stamp.json";
    const string Files = "files";

    string DirOf(string step, string unit) => Path.Combine(directory, step, unit);

    /// <summary>Moves the unit's stamp, then its existing outputs, aside; creates every output's directory.</summary>
    public void SetAside(string step, string unit, IReadOnlyList<string> outputs)
    {
        var dir = DirOf(step, unit);
        if (Directory.Exists(dir)) Restore(step, unit, dir);
        Directory.CreateDirectory(dir);
        var stampPath = stamps.PathOf(step, unit);
        var lines = new List<string> { (File.Exists(stampPath) ? "1" : "0") + " stamp" };
        lines.AddRange(outputs.Select(o => (File.Exists(Path.Combine(root, o)) ? "1 " : "0 ") + o));
        AtomicFile.WriteAllText(Path.Combine(dir, Manifest), string.Join('\n', lines) + "\n");
        if (File.Exists(stampPath)) File.Move(stampPath, Path.Combine(dir, StampCopy));
        foreach (var o in outputs)
        {
            var path = Path.Combine(root, o);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (!File.Exists(path)) continue;
            var aside = Path.Combine(dir, Files, o);
            Directory.CreateDirectory(Path.GetDirectoryName(aside)!);
            File.Move(path, aside);
        }
    }

    /// <summary>The new stamp is written: the old outputs are no longer needed.</summary>
    public void Drop(string step, string unit)
    {
        var dir = DirOf(step, unit);
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }

    /// <summary>The unit failed: its partial new outputs go, the old outputs and stamp come back exactly as they were.</summary>
    public void Restore(string step, string unit) => Restore(step, unit, DirOf(step, unit));

    /// <summary>
    /// After a killed build: every unit left set aside is either finished (its new stamp exists, so the old copies are
    /// dropped) or restored. Returns the restored units. Units for which <paramref name="keep"/> holds (a cluster job
    /// of theirs may still be writing) stay aside for the build that adopts the job.
    /// </summary>
    public IReadOnlyList<(string Step, string Unit)> RecoverInterrupted(Func<string, string, bool>? keep = null)
    {
        var restored = new List<(string, string)>();
        if (!Directory.Exists(directory)) return restored;
        foreach (var stepDir in Directory.EnumerateDirectories(directory).Order(StringComparer.Ordinal))
            foreach (var dir in Directory.EnumerateDirectories(stepDir).Order(StringComparer.Ordinal))
            {
                var (step, unit) = (Path.GetFileName(stepDir), Path.GetFileName(dir));
                if (keep?.Invoke(step, unit) == true) continue;
                if (!File.Exists(Path.Combine(dir, Manifest)) || File.Exists(stamps.PathOf(step, unit)))
                    Directory.Delete(dir, recursive: true);   // nothing moved yet, or the new run completed
                else
                {
                    Restore(step, unit, dir);
                    restored.Add((step, unit));
                }
            }
        return restored;
    }

    void Restore(string step, string unit, string dir)
    {
        var manifest = Path.Combine(dir, Manifest);
        if (File.Exists(manifest))
        {
            var entries = File.ReadAllLines(manifest).Where(l => l.Length > 2).Select(l => (Existed: l[0] == '1', Path: l[2..])).ToList();
            foreach (var (existed, o) in entries.Where(e => e.Path != "stamp"))
            {
                var path = Path.Combine(root, o);
                var aside = Path.Combine(dir, Files, o);
                if (existed && File.Exists(aside)) File.Move(aside, path, overwrite: true);
                else if (!existed) StampStore.DeleteFile(path);
            }
            var stampPath = stamps.PathOf(step, unit);
            var copy = Path.Combine(dir, StampCopy);
            if (File.Exists(copy))
            {
                Directory.CreateDirectory(Path.GetDirectoryName(stampPath)!);
                File.Move(copy, stampPath, overwrite: true);   // last: a restored stamp means every output is back
            }
            else if (entries.Any(e => e is { Path: "stamp", Existed: false })) StampStore.DeleteFile(stampPath);
        }
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
    }
}
