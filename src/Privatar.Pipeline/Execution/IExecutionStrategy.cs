using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;

namespace Privatar.Pipeline.Execution;

/// <summary>
/// What "running a step" means: <see cref="RunStrategy"/> executes stale units and stamps them;
/// <see cref="DryRunStrategy"/> only reports what would run. Steps never test a dry-run flag.
/// </summary>
public interface IExecutionStrategy
{
    /// <summary>Returns the units that ran (or would run).</summary>
    IReadOnlyList<Unit> RunStep(RunContext pipeline, StepSpec step);
}

/// <summary>Reports, runs nothing, writes nothing. Units downstream of a would-run unit are "maybe".</summary>
public sealed class DryRunStrategy : IExecutionStrategy
{
    readonly Predictor _predictor = new();

    public IReadOnlyList<Unit> RunStep(RunContext pipeline, StepSpec step)
    {
        var would = new List<Unit>();
        foreach (var unit in pipeline.Plan.UnitsOf(step.Name))
        {
            var d = _predictor.Predict(pipeline.Decide(unit));
            if (d.State == UnitState.UpToDate) pipeline.Log.Verbose(d.Describe());
            else pipeline.Log.Info(d.State == UnitState.Stale ? $"{unit}: would run ({d.Short})" : d.DescribeShort());
            if (d.State == UnitState.Stale) would.Add(unit);
        }
        var current = pipeline.Plan.UnitsOf(step.Name).Count() - would.Count;
        pipeline.Log.Info($"{step.Name}: {would.Count} would run, {current} up to date or maybe");
        return would;
    }
}

/// <summary>
/// Turns each unit's own verdict into a prediction. A unit downstream of a stale or maybe unit is
/// "maybe" if it is current now, or if its only changes are inputs that such a unit will rewrite
/// (a hand-edited intermediate file is restored upstream first; whether it then differs is unknown).
/// </summary>
public sealed class Predictor
{
    readonly Dictionary<Unit, UnitState> _seen = [];

    public Decision Predict(Decision own)
    {
        var pending = own.Unit.Upstream.Where(u => _seen.GetValueOrDefault(u) != UnitState.UpToDate).ToList();
        var d = own;
        if (pending.Count > 0 && (own.State == UnitState.UpToDate ||
            (own.ChangedInputs.Count > 0 && own.ChangedInputs.All(i => pending.Any(u => u.Produces(i))))))
            d = new Decision(own.Unit, UnitState.Maybe, [$"downstream of {pending[0]}, which is {(_seen[pending[0]] == UnitState.Stale ? "stale" : "maybe")}"]);
        _seen[d.Unit] = d.State;
        return d;
    }
}
