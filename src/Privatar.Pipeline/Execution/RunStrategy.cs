using System.Diagnostics;
using System.Runtime.InteropServices;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Stamps;

namespace Privatar.Pipeline.Execution;

/// <summary>
/// Executes every stale unit of a step: one at a time with [pipeline] jobs = 1, else through the build's
/// <see cref="JobSlots"/>. Order per unit: move its stamp and old outputs aside (creating
/// their directories), hash its inputs, run its command, check its outputs (all declared ones exist;
/// in strict mode no undeclared file appeared), hash them, write the stamp atomically, and only then
/// drop the old outputs. A failing unit gets its old outputs and stamp back exactly as they were, with
/// the failure recorded for Status; a kill leaves them aside, and the next build restores them.
/// </summary>
public sealed class RunStrategy : IExecutionStrategy, IDisposable
{
    WorkerPool? _workers;
    JobSlots? _slots;

    /// <summary>Waits for units a failed or finished build left running (stamping them), then stops the build's worker processes.</summary>
    public void Dispose()
    {
        _slots?.Drain();
        _workers?.Dispose();
    }

    public IReadOnlyList<Unit> RunStep(RunContext pipeline, StepSpec step)
    {
        pipeline.AcquireLock(); // before deciding: another build of this profile may be writing
        // The build's worker processes ([pipeline] workers): started by the first tool units, serving every step but
        // the ones whose units each need a process of their own, stopped when the build ends.
        WorkerPool? Workers(StepSpec s) => pipeline.Config.Workers && !s.SeparateProcesses ? _workers ??= new WorkerPool(pipeline.Layout.Root, pipeline.Log) : null;
        if (pipeline.Config.Jobs <= 1) return RunInOrder(pipeline, step, Workers(step));
        _slots ??= new JobSlots(pipeline, Workers);
        return _slots.RunStep(step);
    }

    static List<Unit> RunInOrder(RunContext pipeline, StepSpec step, WorkerPool? workers)
    {
        var ran = new List<Unit>();
        foreach (var unit in pipeline.Plan.UnitsOf(step.Name))
        {
            if (Staleness(pipeline, unit) is not { } why) continue;
            pipeline.Log.Info($"{unit}: {why}; running");
            var started = Start(pipeline, unit);
            try { Finish(pipeline, unit, started, Run(pipeline, unit, tagLines: false, workers)); }
            catch (Exception e)
            {
                Fail(pipeline, unit, e);
                throw;
            }
            ran.Add(unit);
        }
        pipeline.Progress.StepDone(step, ran.Count);
        return ran;
    }

    /// <summary>Why the unit must run (shortened; Why has the detail), or null when it is up to date (a verbose line; the step's summary counts it).</summary>
    internal static string? Staleness(RunContext p, Unit unit)
    {
        var d = p.Decide(unit);
        p.Progress.Decided(unit, d.State);
        if (d.State != UnitState.UpToDate) return d.Short;
        p.Failures.Clear(unit.Step.Name, unit.Id);   // a failure since undone (the refused value reverted)
        p.Log.Verbose(d.Describe());
        return null;
    }

    /// <summary>
    /// What a unit's stamp records from before its command ran (its input hashes), and strict mode's tree snapshot
    /// with the units of its step that ran at the same time (<see cref="Beside"/>, whose declared outputs it allows).
    /// </summary>
    internal sealed record Deps(List<StampedFile> Inputs, OutputGuard? Guard)
    {
        public List<Unit> Beside { get; } = [];
    }

    /// <summary>Moves the unit's stamp and old outputs aside (creating their directories) and hashes its inputs.</summary>
    internal static Deps Start(RunContext p, Unit unit)
    {
        var inputs = p.Checker.HashInputs(unit);
        p.Previous.SetAside(unit.Step.Name, unit.Id, unit.Outputs);
        return new Deps(inputs, p.Config.Strict ? new OutputGuard(p.Layout.Root, p.Layout.TreeRelative) : null);
    }

    /// <summary>The unit failed: its previous outputs and stamp come back, and Status will say why it is still stale.</summary>
    internal static void Fail(RunContext p, Unit unit, Exception e)
    {
        p.Previous.Restore(unit.Step.Name, unit.Id);
        p.Failures.Record(unit.Step.Name, unit.Id, e.Message);
        p.Log.Warning($"{unit}: failed; its previous outputs and stamp are kept as they were");
    }

    /// <summary>Runs the unit's command; returns its wall time in seconds.</summary>
    internal static double Run(RunContext p, Unit unit, bool tagLines, WorkerPool? workers = null)
    {
        var clock = Stopwatch.StartNew();
        p.Executor.Execute(unit, tagLines, workers);
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>Checks and hashes the outputs, then writes the stamp atomically.</summary>
    internal static void Finish(RunContext p, Unit unit, Deps deps, double seconds)
    {
        if (deps.Guard?.Undeclared(unit.Outputs.Concat(deps.Beside.SelectMany(b => b.Outputs))) is { Count: > 0 } extra)
        {
            var who = deps.Beside.Count == 0 ? $"{unit}" : $"{unit} or a unit that ran beside it ({string.Join(", ", deps.Beside)})";
            throw new UndeclaredOutputException($"{who} wrote undeclared outputs (strict mode): {string.Join(", ", extra)}. Declare them in its Outputs.");
        }
        var outs = p.Checker.HashOutputs(unit);
        p.Stamps.Write(new Stamp(unit.Step.Name, unit.Id, p.Checker.CodeHash(unit.Step).Hash, unit.CommandText,
            unit.Params, deps.Inputs, outs, seconds, Provenance));
        p.Previous.Drop(unit.Step.Name, unit.Id);
        p.Failures.Clear(unit.Step.Name, unit.Id);
        p.Hasher.Save();
        p.Log.Info(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{unit}: done in {seconds:F1} s") + p.Progress.Ran(unit));
    }

    static readonly IReadOnlyDictionary<string, string> Provenance = new Dictionary<string, string>
    {
        ["os"] = RuntimeInformation.OSDescription,
        ["arch"] = RuntimeInformation.OSArchitecture.ToString(),
        ["dotnet"] = RuntimeInformation.FrameworkDescription,
        ["cpus"] = Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["host"] = Environment.MachineName,
    };
}
