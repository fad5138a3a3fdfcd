using System.Globalization;
using System.Runtime.InteropServices;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;
using Privatar.Slurm;

namespace Privatar.Pipeline.Execution;

/// <summary>
/// Runs every stale tool unit of a step as a Slurm batch job (<c>[pipeline] executor = slurm</c>). The plan and the
/// staleness verdicts are the engine's as under <see cref="RunStrategy"/>; a stale unit's old outputs are set aside, its
/// job is submitted with <c>--dependency=afterok:</c> on the jobs of the units of this step it reads, and the controller
/// (this process) polls squeue, then stamps a unit only after its job completed and every declared output exists (hashed
/// as <see cref="RunStrategy"/> does). A failed, timed-out or killed job restores the unit's old outputs and fails its
/// dependants; independent jobs still finish and are stamped, then the step fails.
/// <para>
/// Cross-step dependencies: Cake runs one step task at a time, and this strategy submits a step's jobs and waits for
/// them before the task returns. Submitting ahead across steps would have to decide a later step's units before the
/// files they read exist, losing early cutoff (a rebuilt input with the same bytes leaves its readers up to date) and
/// stamping inputs that were never hashed; in-process units, which run in the controller, would have to wait anyway.
/// The cost is a barrier per step: the parallelism is the units of one step (all variants, all partitions...).
/// </para>
/// <para>
/// The journal (<c>.pipeline/slurm/jobs.json</c>) lists every job in flight. A controller that was killed and is
/// restarted adopts the jobs it lists (never submitting the same unit twice; a journaled job whose unit's command has
/// changed since is cancelled) and stamps the ones that finished. SIGINT or SIGTERM cancels every journaled job (scancel)
/// before the process ends; the next build restores the outputs those units had set aside.
/// </para>
/// </summary>
public sealed class SlurmStrategy(SlurmCommands? commands = null) : IExecutionStrategy, IDisposable
{
    readonly Lock _gate = new();
    readonly List<PosixSignalRegistration> _signals = [];
    SlurmClient? _client;
    JobJournal? _journal;
    UnitResources _defaults = UnitResources.None;
    bool _probed, _cancelled;

    /// <summary>Jobs this controller submitted for units (the filesystem probe aside).</summary>
    public int Submitted { get; private set; }

    sealed record Job(Unit Unit, JournalEntry Entry, RunStrategy.Deps? Deps);

    public IReadOnlyList<Unit> RunStep(RunContext p, StepSpec step)
    {
        p.AcquireLock();
        Connect(p);
        var run = new StepRun(p);

        // Jobs an earlier controller left in flight are adopted first; those already finished are stamped right away,
        // so no new job is made to depend on a job the scheduler may have forgotten.
        foreach (var unit in p.Plan.UnitsOf(step.Name))
            if (Adopt(p, unit) is { } job) run.Track(job);
        Collect(run, once: true);

        foreach (var unit in p.Plan.UnitsOf(step.Name))
        {
            if (run.Ran.Contains(unit)) continue;
            if (run.FailedUpstream(unit) is { } bad) { run.Dependant(unit, bad); continue; }
            var pending = unit.Upstream.Where(run.Flight.ContainsKey).ToList();
            if (unit.Spec.Command is InProcessCommand)
            {
                // In-process units run in the controller, after the jobs whose outputs they read.
                Collect(run, until: () => !unit.Upstream.Any(run.Flight.ContainsKey));
                if (run.FailedUpstream(unit) is { } gone) { run.Dependant(unit, gone); continue; }
                if (RunStrategy.Staleness(p, unit) is not { } local) continue;
                p.Log.Info($"{unit}: {local}; running in the controller (an in-process unit is not a job)");
                var deps = RunStrategy.Start(p, unit);
                try { RunStrategy.Finish(p, unit, deps, RunStrategy.Run(p, unit, tagLines: false)); }
                catch (Exception e) { run.Failed(unit, e); }
                run.Ran.Add(unit);
                continue;
            }
            // A reader of a unit being rebuilt runs after it: its inputs are hashed when its job has finished.
            string? why;
            if (pending.Count > 0)
            {
                p.Progress.Decided(unit, UnitState.Stale);
                why = $"reads the outputs of {pending[0]}, which is being rebuilt";
            }
            else why = RunStrategy.Staleness(p, unit);
            if (why is null) continue;
            run.Track(Submit(p, unit, why, pending.Select(u => run.Flight[u].Entry.JobId).ToList()));
        }
        Collect(run, until: () => false);
        if (run.First is not null)
            throw new UnitFailedException(run.FailedCount == 1 ? run.First.Message
                : $"{run.FailedCount} units of {step.Name} failed; the first: {run.First.Message}", run.First);
        p.Progress.StepDone(step, run.Ran.Count);
        return run.Ran;
    }

    /// <summary>One step's bookkeeping: jobs in flight, units that ran or failed, the first failure.</summary>
    sealed class StepRun(RunContext p)
    {
        public RunContext P { get; } = p;
        public Dictionary<Unit, Job> Flight { get; } = [];
        public List<Unit> Ran { get; } = [];
        public Dictionary<Unit, string> Failures { get; } = [];
        public Exception? First { get; private set; }
        public int FailedCount => Failures.Count;

        public void Track(Job job) { Flight[job.Unit] = job; Ran.Add(job.Unit); }

        public Unit? FailedUpstream(Unit unit) => unit.Upstream.FirstOrDefault(Failures.ContainsKey);

        /// <summary>The unit's run failed: its old outputs and stamp come back, Status says why.</summary>
        public void Failed(Unit unit, Exception e)
        {
            RunStrategy.Fail(P, unit, e);
            Failures[unit] = e.Message;
            First ??= e;
        }

        /// <summary>A unit that reads a failed unit's outputs is not run (or its job was cancelled by Slurm's afterok).</summary>
        public void Dependant(Unit unit, Unit failed) =>
            Failed(unit, new UnitFailedException($"{unit}: not run: it reads the outputs of {failed}, which failed"));
    }

    /// <summary>Reads [slurm] and the journal, and registers the signal handlers, once per build.</summary>
    void Connect(RunContext p)
    {
        if (_client is not null) return;
        _client = new SlurmClient(SlurmSetup.Settings(p.Config), commands);
        _defaults = SlurmSetup.Defaults(p.Config);
        _journal = JobJournal.Open(p.Layout.SlurmJournal);
        if (p.Config.Strict)
            p.Log.Info("Strict mode under the slurm executor: undeclared parameters still fail a unit; undeclared output files are not checked (jobs run side by side)");
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
            _signals.Add(PosixSignalRegistration.Create(signal, ctx =>
            {
                var n = CancelSubmitted();
                Console.Error.WriteLine($"{ctx.Signal}: cancelled {n} Slurm job(s) of this build (scancel)");
            }));
    }

    /// <summary>
    /// Cancels every journaled job and forgets it (what Ctrl-C does); no further job is submitted by this controller.
    /// Their units' old outputs stay aside until the next build restores them. Returns how many were cancelled.
    /// </summary>
    public int CancelSubmitted()
    {
        lock (_gate)
        {
            _cancelled = true;
            if (_client is null || _journal is null) return 0;
            var entries = _journal.Entries.ToList();
            _client.Cancel(entries.Select(e => e.JobId).ToList());
            foreach (var e in entries) _journal.Remove(e.Unit);
            return entries.Count;
        }
    }

    Job? Adopt(RunContext p, Unit unit)
    {
        if (_journal!.Find(unit.Name) is not { } entry) return null;
        var argv = p.Executor.CommandLine(unit);
        if (argv is null || SlurmSetup.CommandText(argv) != entry.Command)
        {
            p.Log.Warning($"{unit}: job {entry.JobId} of an earlier build runs a command this plan no longer has; cancelling it");
            _client!.Cancel([entry.JobId]);
            p.Previous.Restore(unit.Step.Name, unit.Id);
            lock (_gate) _journal.Remove(unit.Name);
            return null;
        }
        p.Progress.Decided(unit, UnitState.Stale);
        p.Log.Info($"{unit}: adopting job {entry.JobId}, submitted by an earlier build at {entry.Submitted.ToString("u", CultureInfo.InvariantCulture)}");
        return new Job(unit, entry, Deps: null);
    }

    Job Submit(RunContext p, Unit unit, string why, IReadOnlyList<string> afterOk)
    {
        var argv = p.Executor.CommandLine(unit)!;
        if (!_probed)
        {
            p.Log.Info("Checking that Slurm jobs see this filesystem (one probe job)");
            SharedFilesystemProbe.Check(_client!, Path.Combine(p.Layout.Slurm, "probe"), TimeSpan.FromMinutes(10));
            _probed = true;
        }
        // A unit reading a unit still being rebuilt hashes its inputs when its job is done (they do not exist yet).
        var deps = afterOk.Count == 0 ? new RunStrategy.Deps(p.Checker.HashInputs(unit), null) : null;
        p.Previous.SetAside(unit.Step.Name, unit.Id, unit.Outputs);
        var request = SlurmSetup.Job(p, unit, argv, _defaults, afterOk);
        lock (_gate)
        {
            if (_cancelled) throw new OperationCanceledException("The build was interrupted; no further Slurm job is submitted.");
            var id = _client!.Submit(request);
            var entry = new JournalEntry(unit.Name, id, SlurmSetup.CommandText(argv), request.ScriptPath, request.LogPath, DateTimeOffset.UtcNow);
            _journal!.Add(entry);
            Submitted++;
            p.Log.Info($"{unit}: {why}; submitted as job {id}" + (afterOk.Count > 0 ? $" (after {string.Join(", ", afterOk)})" : ""));
            return new Job(unit, entry, deps);
        }
    }

    /// <summary>Polls the jobs in flight until <paramref name="until"/> holds or none is left (<paramref name="once"/>: one look).</summary>
    void Collect(StepRun run, Func<bool>? until = null, bool once = false)
    {
        while (run.Flight.Count > 0 && until?.Invoke() != true)
        {
            var states = _client!.Query(run.Flight.Values.Select(j => j.Entry.JobId).ToList());
            var finished = 0;
            foreach (var job in run.Flight.Values.OrderBy(j => run.P.Plan.Units.ToList().IndexOf(j.Unit)).ToList())
            {
                var s = states.GetValueOrDefault(job.Entry.JobId);
                var code = SlurmClient.RecordedExitCode(job.Entry.StatusPath);
                if (s is { IsFinished: false } || (s is null && code is null && !Forgotten(job))) continue;
                run.Flight.Remove(job.Unit);
                finished++;
                Settle(run, job, s, code);
                lock (_gate) _journal!.Remove(job.Unit.Name);   // after the stamp: a kill in between re-adopts and restamps
            }
            if (once) return;
            if (finished == 0) Thread.Sleep(_client.Settings.PollInterval);
        }
    }

    /// <summary>A job neither squeue nor accounting knows, with no status file: gone (purged long ago, or never ran).</summary>
    static bool Forgotten(Job job) => DateTimeOffset.UtcNow - job.Entry.Submitted > TimeSpan.FromSeconds(30);

    /// <summary>A finished job: stamp its unit when it completed and its outputs exist, else fail it with Slurm's account.</summary>
    void Settle(StepRun run, Job job, JobStatus? s, int? code)
    {
        var p = run.P;
        var unit = job.Unit;
        var completed = s is null ? code == 0 : s.Phase == JobPhase.Succeeded && code is null or 0;
        if (completed)
        {
            try
            {
                // The queue wait is included: the controller sees only submission and completion.
                var seconds = (DateTimeOffset.UtcNow - job.Entry.Submitted).TotalSeconds;
                RunStrategy.Finish(p, unit, job.Deps ?? new RunStrategy.Deps(p.Checker.HashInputs(unit), null), seconds);
            }
            catch (Exception e) { run.Failed(unit, new UnitFailedException($"{unit}: job {job.Entry.JobId} completed, but {e.Message} (log {job.Entry.LogPath})", e)); }
            return;
        }
        if (run.FailedUpstream(unit) is { } up) { run.Dependant(unit, up); return; }
        var status = s ?? new JobStatus(job.Entry.JobId, "UNKNOWN (forgotten by Slurm)");
        if (status.ExitCode.Length == 0 && _client!.ExitCodeOf(job.Entry.JobId) is { Length: > 0 } exit) status = status with { ExitCode = exit };
        if (status.ExitCode.Length == 0 && code is { } recorded) status = status with { ExitCode = recorded.ToString(CultureInfo.InvariantCulture) };
        run.Failed(unit, new UnitFailedException(
            $"{unit}: Slurm {status.Describe()}; log {job.Entry.LogPath}{SlurmSetup.Tail(job.Entry.LogPath)}"));
    }

    public void Dispose()
    {
        foreach (var s in _signals) s.Dispose();
        _signals.Clear();
    }
}
