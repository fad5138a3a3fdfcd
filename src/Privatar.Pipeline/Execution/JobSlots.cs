using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;

namespace Privatar.Pipeline.Execution;

/// <summary>
/// The local executor's [pipeline] jobs slots, kept for the whole build. A step's task asks for its step; its units start
/// in plan order, each once every unit it reads from has finished. A slot the step cannot fill (its next units wait on
/// one still running, or only its last units are left running) takes a unit of another step of this build whose inputs
/// are all final: look-ahead. Independent chains (the avatar steps, the MNIST study, the synthesis benchmark) and a
/// step's tail then overlap instead of leaving a core idle at every step's end; that step's task later finds the unit
/// done. Only units of concurrent steps share the machine (single-threaded, untimed, so no number changes): a unit of
/// any other step runs alone, and look-ahead never starts one. Deciding, hashing and stamping stay on the calling
/// thread; only commands run off it. After a failure nothing new starts; the units already running finish and are
/// stamped, then the first failure is rethrown by the step's task that is running.
/// </summary>
/// <remarks>
/// The slots are <c>p.Config.Jobs</c>; look-ahead takes only steps in <c>p.Scheduled</c> (none while it is null, as when a
/// caller runs steps one by one).
/// </remarks>
sealed class JobSlots(RunContext p, Func<StepSpec, WorkerPool?> workers)
{
    sealed record Running(Unit Unit, RunStrategy.Deps Deps, Task<double> Task, bool Alone);

    readonly List<Running> _running = [];
    readonly HashSet<Unit> _settled = [];                                           // decided: up to date, stamped or failed
    readonly Dictionary<string, List<Unit>> _ran = new(StringComparer.Ordinal);    // per step, in start order
    readonly HashSet<string> _done = new(StringComparer.Ordinal);                  // steps whose task has finished
    Exception? _failure;
    string? _current;

    public IReadOnlyList<Unit> RunStep(StepSpec step)
    {
        _current = step.Name;
        var mine = p.Plan.UnitsOf(step.Name).ToList();
        while (_failure is null && !mine.All(_settled.Contains))
        {
            Fill(step, mine);
            if (_failure is not null || mine.All(_settled.Contains)) break;
            // Every unit waits on a running one: the step's earliest unsettled unit reads only earlier units (of its own or
            // an earlier step, whose tasks have finished), so with nothing running it would have started.
            if (_running.Count == 0)
                throw new InvalidOperationException($"{mine.First(u => !_settled.Contains(u))} waits on a unit that does not run in this build");
            WaitForOne();
        }
        _done.Add(step.Name);
        _current = null;
        if (_failure is { } failure)
        {
            Drain();
            _failure = null;   // the build stops here; a caller that goes on anyway finds no failure pending
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        }
        var ran = Ran(step.Name);
        p.Progress.StepDone(step, ran.Count);
        return ran;
    }

    /// <summary>Waits for every running unit and stamps it (the build ends, or a failure stops it).</summary>
    public void Drain()
    {
        while (_running.Count > 0) WaitForOne();
    }

    /// <summary>Starts what may start now: the step's own units first, in plan order, then look-ahead units.</summary>
    void Fill(StepSpec step, List<Unit> mine)
    {
        foreach (var unit in mine)
            if (!TryStart(unit, ahead: false)) return;
        if (p.Scheduled() is not { } steps) return;
        foreach (var other in p.Plan.Steps.Where(s => s.Concurrent && s.Name != step.Name && !_done.Contains(s.Name) && steps.Contains(s.Name)))
            foreach (var unit in p.Plan.UnitsOf(other.Name))
                if (!TryStart(unit, ahead: true)) return;
    }

    /// <summary>Decides and starts the unit if it is ready and a slot is free; false once nothing more may start.</summary>
    bool TryStart(Unit unit, bool ahead)
    {
        if (_failure is not null || _running.Count >= p.Config.Jobs || _running.Any(r => r.Alone)) return false;
        if (_settled.Contains(unit) || _running.Any(r => r.Unit == unit) || !unit.Upstream.All(Final)) return true;
        var alone = !unit.Step.Concurrent;
        if (alone && _running.Count > 0) return false;   // it waits for the machine to empty; nothing overtakes it
        if (RunStrategy.Staleness(p, unit) is not { } why)
        {
            _settled.Add(unit);
            return true;
        }
        var others = _running.Count switch { 0 => "", 1 => " (with 1 other)", var n => $" (with {n} others)" };
        p.Log.Info($"{unit}: {why}; running{(ahead ? " ahead of its step" : "")}{others}");
        var deps = RunStrategy.Start(p, unit);
        // Strict mode's tree snapshot cannot tell which of two units running at once wrote a file: each allows the other's outputs.
        foreach (var r in _running) { r.Deps.Beside.Add(unit); deps.Beside.Add(r.Unit); }
        var pool = workers(unit.Step);
        _running.Add(new Running(unit, deps, Task.Run(() => RunStrategy.Run(p, unit, tagLines: !alone, pool)), alone));
        Ran(unit.Step.Name).Add(unit);
        return !alone;
    }

    /// <summary>
    /// Whether a unit's input from <paramref name="upstream"/> is final: it was decided in this build (stamped, found up
    /// to date, or failed with its previous outputs restored), or it will not run in this build (its step is not
    /// scheduled, or has already finished).
    /// </summary>
    bool Final(Unit upstream) =>
        _settled.Contains(upstream) || (_running.All(r => r.Unit != upstream) && !WillRun(upstream.Step.Name));

    bool WillRun(string step) => !_done.Contains(step) && (step == _current || p.Scheduled()?.Contains(step) == true);

    void WaitForOne()
    {
        var i = Task.WaitAny(_running.Select(r => (Task)r.Task).ToArray());
        var (unit, deps, task, _) = _running[i];
        _running.RemoveAt(i);
        try
        {
            // Finish can fail too (a declared output missing): that is this unit's failure, not the others'.
            if (task.IsCompletedSuccessfully) RunStrategy.Finish(p, unit, deps, task.Result);
            else throw task.Exception!.InnerException ?? task.Exception;
            _settled.Add(unit);
        }
        catch (Exception e)
        {
            RunStrategy.Fail(p, unit, e);
            _settled.Add(unit);
            _failure ??= e;
        }
    }

    List<Unit> Ran(string step) => _ran.TryGetValue(step, out var list) ? list : _ran[step] = [];
}
