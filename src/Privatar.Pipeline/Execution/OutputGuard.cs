using Privatar.Core;

namespace Privatar.Pipeline.Execution;

/// <summary>A unit wrote a file it did not declare (strict mode).</summary>
public sealed class UndeclaredOutputException(string message) : InvalidOperationException(message);

/// <summary>
/// Strict mode's output check: a snapshot of the profile tree (size, mtime) before a unit runs,
/// compared after it; any new or changed file the unit did not declare is an error.
/// The engine's own directory (.pipeline) is excluded.
/// </summary>
public sealed class OutputGuard
{
    readonly string _root;
    readonly string _tree;
    readonly Dictionary<string, (long, long)> _before;

    public OutputGuard(string root, string treeRelative)
    {
        _root = root;
        _tree = treeRelative;
        _before = Snapshot();
    }

    public IReadOnlyList<string> Undeclared(IEnumerable<string> declared)
    {
        var allowed = declared.ToHashSet(StringComparer.Ordinal);
        return Snapshot().Where(f => !allowed.Contains(f.Key) && (!_before.TryGetValue(f.Key, out var b) || b != f.Value))
            .Select(f => f.Key).Order(StringComparer.Ordinal).ToList();
    }

    Dictionary<string, (long, long)> Snapshot()
    {
        var dir = Path.Combine(_root, _tree);
        if (!Directory.Exists(dir)) return [];
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
            .Where(p => !p.StartsWith(_tree + "/" + PipelineLayout.EngineDir + "/", StringComparison.Ordinal) && !p.Contains(AtomicFile.TempMarker))
            .ToDictionary(p => p, p => { var i = new FileInfo(Path.Combine(_root, p)); return (i.Length, i.LastWriteTimeUtc.Ticks); }, StringComparer.Ordinal);
    }
}
