using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Stamps;

namespace Privatar.Pipeline.Planning;

/// <summary>
/// Decides whether a unit is current, cheapest check first (as DVC does): forced, stamp, code,
/// parameters, command, then input hashes, then output hashes. It stops at the first category that
/// finds a change and reports every change within it.
/// </summary>
public sealed class StalenessChecker(string root, FileHasher hasher, StampStore stamps)
{
    readonly Dictionary<string, (string Hash, int Files)> _code = new(StringComparer.Ordinal);
    // Steps share most of their code entries (the CLI's project closure): each entry is expanded, and each code file
    // hashed, once per build rather than once per step.
    readonly Dictionary<string, IReadOnlyList<string>> _entries = new(StringComparer.Ordinal);
    readonly Dictionary<string, string?> _codeFiles = new(StringComparer.Ordinal);

    /// <summary>Hash of the step's code files (in path order) and its salt.</summary>
    public (string Hash, int Files) CodeHash(StepSpec step)
    {
        if (_code.TryGetValue(step.Name, out var known)) return known;
        var expanded = step.Code.Select(c => (Entry: c, Files: Expand(c))).ToList();
        var files = expanded.SelectMany(e => e.Files).Distinct().Order(StringComparer.Ordinal).ToList();
        var lines = files.Select(f => $"{f}\t{HashCode(f) ?? throw new FileNotFoundException($"step {step.Name}: code file '{f}' does not exist.")}");
        var result = (FileHasher.HashText($"salt\t{step.Salt}\n" + string.Join('\n', lines)), files.Count);
        foreach (var (c, _) in expanded.Where(e => Glob.IsPattern(e.Entry) && e.Files.Count == 0))
            throw new FileNotFoundException($"step {step.Name}: code glob '{c}' matches no file.");
        return _code[step.Name] = result;
    }

    IReadOnlyList<string> Expand(string entry) =>
        _entries.TryGetValue(entry, out var files) ? files : _entries[entry] = CodeSources.Expand(root, entry);

    string? HashCode(string file) =>
        _codeFiles.TryGetValue(file, out var hash) ? hash : _codeFiles[file] = hasher.TryHash(file)?.Hash;

    public Decision Check(Unit unit, bool forced)
    {
        if (forced) return Stale(unit, $"forced (--force={unit.Step.Name})");
        Stamp? stamp;
        try { stamp = stamps.TryRead(unit.Step.Name, unit.Id); }
        catch (StampSchemaException e) { return Stale(unit, $"stamp unreadable ({e.Message})"); }
        if (stamp is null) return Stale(unit, "no stamp (never built, or interrupted)");

        var code = CodeHash(unit.Step);
        if (stamp.Code != code.Hash) return Stale(unit, $"code changed ({code.Files} source files + salt '{unit.Step.Salt}')");

        var reasons = new List<string>();
        foreach (var key in unit.Params.Keys.Union(stamp.Params.Keys).Order(StringComparer.Ordinal))
        {
            var had = stamp.Params.TryGetValue(key, out var old);
            var has = unit.Params.TryGetValue(key, out var now);
            if (!had) reasons.Add($"parameter {key} now read (= {now})");
            else if (!has) reasons.Add($"parameter {key} no longer read (was {old})");
            else if (old != now) reasons.Add($"{key}: {old} → {now}");
        }
        if (reasons.Count > 0) return new Decision(unit, UnitState.Stale, reasons);
        if (stamp.Command != unit.CommandText) return Stale(unit, $"{Decision.CommandChanged}'{stamp.Command}' → '{unit.CommandText}'");

        var inputs = unit.ExpandInputs(root);
        var missing = inputs.Where(i => !File.Exists(Path.Combine(root, i))).ToList();
        if (missing.Count > 0)
        {
            var pending = missing.Where(m => unit.Upstream.Any(u => u.Produces(m))).ToList();
            return pending.Count == missing.Count
                ? new Decision(unit, UnitState.Maybe, pending.Select(m => $"input '{m}' is not built yet").ToList())
                : new Decision(unit, UnitState.Stale, missing.Except(pending).Select(m => $"input '{m}' is missing and no unit produces it").ToList());
        }
        var recorded = stamp.Deps.ToDictionary(d => d.Path, StringComparer.Ordinal);
        var added = inputs.Where(i => !recorded.ContainsKey(i)).ToList();
        var removed = recorded.Keys.Where(p => !inputs.Contains(p)).Order(StringComparer.Ordinal).ToList();
        if (added.Count + removed.Count > 0)
            reasons.Add("input set changed: " + string.Join(", ", added.Select(a => "+" + a).Concat(removed.Select(r => "-" + r))));
        var modified = inputs.Where(i => recorded.ContainsKey(i) && hasher.Hash(i).Hash != recorded[i].Hash).ToList();
        reasons.AddRange(modified.Select(i => $"dependency '{i}' changed (modified)"));
        if (reasons.Count > 0)
            return new Decision(unit, UnitState.Stale, reasons) { ChangedInputs = [.. added, .. removed, .. modified] };

        var outs = stamp.Outs.ToDictionary(o => o.Path, StringComparer.Ordinal);
        foreach (var o in unit.Outputs)
        {
            var now = hasher.TryHash(o);
            if (now is null) reasons.Add($"output '{o}' missing");
            else if (!outs.TryGetValue(o, out var was)) reasons.Add($"output '{o}' newly declared");
            else if (was.Hash != now.Value.Hash) reasons.Add($"output '{o}' modified (content differs from its stamp)");
        }
        if (reasons.Count > 0) return new Decision(unit, UnitState.Stale, reasons);
        return new Decision(unit, UnitState.UpToDate, unit.Spec.Release ? [Decision.ReleaseKept(unit.Step.Name)] : []);
    }

    /// <summary>Content hashes of the unit's current inputs (all must exist).</summary>
    public List<StampedFile> HashInputs(Unit unit) =>
        unit.ExpandInputs(root).Select(i =>
        {
            var h = hasher.TryHash(i) ?? throw new FileNotFoundException($"{unit}: input '{i}' does not exist" +
                (unit.Upstream.Any(u => u.Produces(i)) ? " (its producer did not write it)." : " and no unit produces it."), Path.Combine(root, i));
            return new StampedFile(i, h.Hash, h.Size);
        }).ToList();

    public List<StampedFile> HashOutputs(Unit unit) =>
        unit.Outputs.Order(StringComparer.Ordinal).Select(o =>
        {
            var h = hasher.TryHash(o) ?? throw new InvalidOperationException($"{unit} finished without writing its declared output '{o}'.");
            return new StampedFile(o, h.Hash, h.Size);
        }).ToList();

    static Decision Stale(Unit unit, string reason) => new(unit, UnitState.Stale, [reason]);
}
