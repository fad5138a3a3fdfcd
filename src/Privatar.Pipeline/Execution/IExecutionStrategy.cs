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
    IReadOnlyList<Unit> RunStep(Pipeline pipeline, StepSpec step);
}

/// <summary>Reports, runs nothing, writes nothing. Units downstream of a would-run unit are "maybe".</summary>
public sealed class DryRunStrategy : IExecutionStrategy
{
    readonly Predictor _predictor = new();

    public IReadOnlyList<Unit> RunStep(Pipeline pipeline, StepSpec step)
    {
        var would = new List<Unit>();
        foreach (var unit in pipeline.Plan.UnitsOf(step.Name))
        {
            var d = _predictor.Predict(pipeline.Decide(unit));
            pipeline.Log.Info(d.State == UnitState.Stale ? $"{unit}: would run ({string.Join("; ", d.Reasons)})" : d.Describe());
            if (d.State == UnitState.Stale) would.Add(unit);
        }
        return would;
    }
}

/// <summary>Turns each unit's own verdict into a prediction: current units downstream of a stale or maybe unit become "maybe".</summary>
public sealed class Predictor
{
    readonly Dictionary<Unit, UnitState> _seen = [];

    public Decision Predict(Decision own)
    {
        var d = own;
        if (own.State == UnitState.UpToDate && own.Unit.Upstream.FirstOrDefault(u => _seen.GetValueOrDefault(u) != UnitState.UpToDate) is { } up)
            d = new Decision(own.Unit, UnitState.Maybe, [$"downstream of {up}, which is {(_seen[up] == UnitState.Stale ? "stale" : "maybe")}"]);
        _seen[d.Unit] = d.State;
        return d;
    }
}
