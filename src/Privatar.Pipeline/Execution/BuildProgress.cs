using System.Diagnostics;
using System.Globalization;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;

namespace Privatar.Pipeline.Execution;

/// <summary>
/// The console's account of a build: one summary line per step for the units it skipped (the per-unit lines are
/// verbose), and on each finished unit the build's progress: units run of those predicted to run, time elapsed,
/// and an estimate of the rest from the wall times the stamps recorded. The prediction is made when the first unit
/// starts, so a build with nothing to do never pays for it.
/// </summary>
/// <param name="predict">the units predicted to run (stale or maybe) with the wall time their stamps recorded, if any</param>
public sealed class BuildProgress(Func<IEnumerable<(Unit Unit, double? Seconds)>> predict, IPipelineLog log)
{
    readonly Dictionary<string, int> _upToDate = new(StringComparer.Ordinal);
    Dictionary<Unit, double?>? _pending;
    Stopwatch? _clock;
    int _ran, _total;

    /// <summary>A unit was decided: up to date (counted for its step's summary), or about to run.</summary>
    public void Decided(Unit unit, UnitState state)
    {
        if (state == UnitState.UpToDate)
        {
            _upToDate[unit.Step.Name] = _upToDate.GetValueOrDefault(unit.Step.Name) + 1;
            if (_pending?.Remove(unit) == true) _total--;   // a "maybe" whose inputs came out identical
            return;
        }
        if (_pending is not null) { if (!_pending.ContainsKey(unit)) { _pending[unit] = null; _total++; } return; }
        _clock = Stopwatch.StartNew();
        _pending = predict().ToDictionary(p => p.Unit, p => p.Seconds);
        _pending.TryAdd(unit, null);
        _total = _pending.Count;
    }

    /// <summary>The progress suffix for a unit that just finished.</summary>
    public string Ran(Unit unit)
    {
        _ran++;
        _pending?.Remove(unit);
        if (_pending is null || _clock is null) return "";
        var left = _pending.Values.Sum(v => v ?? 0);
        var untimed = _pending.Values.Count(v => v is null);
        var eta = _pending.Count == 0 ? "" : untimed == _pending.Count ? ", time left unknown (never built)"
            : $", about {Duration(left)} left" + (untimed > 0 ? $" (+{untimed} never timed)" : "");
        return string.Create(CultureInfo.InvariantCulture, $"  [{_ran}/{Math.Max(_total, _ran)} units, {Duration(_clock.Elapsed.TotalSeconds)} elapsed{eta}]");
    }

    /// <summary>One line per step: how many units ran and how many were already up to date.</summary>
    public void StepDone(StepSpec step, int ran)
    {
        var skipped = _upToDate.GetValueOrDefault(step.Name);
        if (ran == 0 && skipped == 0) return;
        log.Info(ran == 0 ? $"{step.Name}: {skipped} up to date" : skipped == 0 ? $"{step.Name}: {ran} ran" : $"{step.Name}: {ran} ran, {skipped} up to date");
    }

    public static string Duration(double seconds) =>
        seconds < 90 ? string.Create(CultureInfo.InvariantCulture, $"{seconds:F0} s")
        : seconds < 5400 ? string.Create(CultureInfo.InvariantCulture, $"{seconds / 60:F1} min")
        : string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:F1} h");
}
