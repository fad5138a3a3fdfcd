using System.Globalization;
using System.Text;
using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Planning;

namespace Privatar.Pipeline.Reports;

/// <summary>
/// Formats predicted verdicts: one line per unit (up to date / STALE with reasons / maybe) and a
/// closing estimate of the rebuild time, summed from the wall times recorded in the stamps.
/// </summary>
public static class StatusReport
{
    public static string Format(PipelineSession pipeline, IReadOnlyList<Decision> decisions)
    {
        var sb = new StringBuilder();
        foreach (var d in decisions)
        {
            var label = d.State switch { UnitState.UpToDate => "up-to-date", UnitState.Stale => "STALE     ", _ => "maybe     " };
            sb.Append(CultureInfo.InvariantCulture, $"{label} {d.Unit}");
            if (d.Reasons.Count > 0) sb.Append(": ").Append(d.Short);
            sb.Append('\n');
        }
        sb.Append(Summary(pipeline, decisions));
        var orphans = pipeline.Orphans();
        if (orphans.Count > 0)
            sb.Append(CultureInfo.InvariantCulture, $"{orphans.Count} file(s) in {pipeline.Layout.TreeRelative}/ that no unit of the current plan declares " +
                $"({Orphan.Describe(orphans)}); --target=Clean --orphans removes them.\n");
        return sb.ToString();
    }

    public static string Summary(PipelineSession pipeline, IReadOnlyList<Decision> decisions)
    {
        int Count(UnitState s) => decisions.Count(d => d.State == s);
        double Seconds(UnitState s, out int unknown)
        {
            var walls = decisions.Where(d => d.State == s).Select(d => pipeline.StampOf(d.Unit)?.WallSeconds).ToList();
            unknown = walls.Count(w => w is null);
            return walls.Sum(w => w ?? 0);
        }
        var stale = Seconds(UnitState.Stale, out var staleUnknown);
        var maybe = Seconds(UnitState.Maybe, out _);
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{decisions.Count} units: {Count(UnitState.UpToDate)} up to date, {Count(UnitState.Stale)} stale, {Count(UnitState.Maybe)} maybe.");
        if (Count(UnitState.Stale) + Count(UnitState.Maybe) == 0) return text + "\n";
        var staleCount = Count(UnitState.Stale);
        text += staleUnknown == staleCount && staleCount > 0
            ? string.Create(CultureInfo.InvariantCulture, $" Estimated rebuild: unknown ({staleUnknown} stale units never built, so no recorded time)")
            : string.Create(CultureInfo.InvariantCulture, $" Estimated rebuild: {Duration(stale)} for the stale units");
        if (staleUnknown > 0 && staleUnknown < staleCount) text += string.Create(CultureInfo.InvariantCulture, $" ({staleUnknown} never built, not counted)");
        if (Count(UnitState.Maybe) > 0) text += $", up to {Duration(stale + maybe)} if the maybe units rerun";
        return text + ".\n";
    }

    /// <summary><c>Why &lt;step&gt;</c>: each unit's verdict, its reasons, and the stale units upstream of it.</summary>
    public static string Why(PipelineSession pipeline, string step)
    {
        var all = pipeline.Status();
        var byUnit = all.ToDictionary(d => d.Unit);
        var sb = new StringBuilder();
        foreach (var d in all.Where(d => d.Unit.Step == pipeline.Plan.Step(step)))
        {
            sb.Append(d.Describe()).Append('\n');
            foreach (var up in Ancestors(d.Unit).Where(u => byUnit[u].State == UnitState.Stale))
                sb.Append("    upstream ").Append(byUnit[up].Describe()).Append('\n');
        }
        return sb.ToString();
    }

    static IEnumerable<Unit> Ancestors(Unit u)
    {
        var seen = new HashSet<Unit>();
        var stack = new Stack<Unit>(u.Upstream);
        while (stack.Count > 0)
        {
            var x = stack.Pop();
            if (!seen.Add(x)) continue;
            yield return x;
            foreach (var y in x.Upstream) stack.Push(y);
        }
    }

    static string Duration(double seconds) =>
        seconds < 90 ? string.Create(CultureInfo.InvariantCulture, $"{seconds:F1} s")
        : seconds < 5400 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:F1} h");
}
