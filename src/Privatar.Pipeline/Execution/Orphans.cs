using Privatar.Core;
using Privatar.Pipeline.Planning;

namespace Privatar.Pipeline.Execution;

/// <summary>A file in the profile tree that no unit of the current plan declares: an output or a stamp (or failure record) of a removed unit.</summary>
public sealed record Orphan(string Path, bool IsStamp)
{
    /// <summary>"2 outputs, 1 stamp: a, b, …" for a console line.</summary>
    public static string Describe(IReadOnlyList<Orphan> orphans)
    {
        const int Shown = 3;
        var outs = orphans.Count(o => !o.IsStamp);
        var names = string.Join(", ", orphans.Take(Shown).Select(o => o.Path)) + (orphans.Count > Shown ? ", …" : "");
        return $"{outs} output(s), {orphans.Count - outs} stamp(s): {names}";
    }

    /// <summary>
    /// Outputs: every file under the profile tree outside the engine's folder that no unit declares. Stamps and
    /// failure records: those whose step and unit the plan does not have. Paths are repository-relative.
    /// </summary>
    public static IReadOnlyList<Orphan> Find(PipelinePlan plan, PipelineLayout layout)
    {
        var found = new List<Orphan>();
        if (!Directory.Exists(layout.Tree)) return found;
        var declared = plan.Units.SelectMany(u => u.Outputs).ToHashSet(StringComparer.Ordinal);
        var engine = layout.TreeRelative + "/" + PipelineLayout.EngineDir + "/";
        string Rel(string f) => System.IO.Path.GetRelativePath(layout.Root, f).Replace('\\', '/');
        found.AddRange(Directory.EnumerateFiles(layout.Tree, "*", SearchOption.AllDirectories).Select(Rel)
            .Where(p => !p.StartsWith(engine, StringComparison.Ordinal) && !p.Contains(AtomicFile.TempMarker) && !declared.Contains(p))
            .Order(StringComparer.Ordinal).Select(p => new Orphan(p, false)));
        var units = plan.Units.Select(u => (u.Step.Name, u.Id)).ToHashSet();
        foreach (var (dir, ext) in new[] { (layout.Stamps, ".json"), (layout.Failures, ".txt") })
        {
            if (!Directory.Exists(dir)) continue;
            found.AddRange(Directory.EnumerateFiles(dir, "*" + ext, SearchOption.AllDirectories)
                .Where(f => !units.Contains((System.IO.Path.GetFileName(System.IO.Path.GetDirectoryName(f)!), System.IO.Path.GetFileNameWithoutExtension(f))))
                .Select(Rel).Order(StringComparer.Ordinal).Select(p => new Orphan(p, true)));
        }
        return found;
    }
}
