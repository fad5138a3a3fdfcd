using Privatar.Core;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Stamps;

namespace Privatar.Pipeline;

/// <summary>How one build was asked for.</summary>
public sealed record PipelineOptions(string Root, string Profile)
{
    public string ConfigFile { get; init; } = "cake.config";
    /// <summary>Command-line overrides by argument name (<c>train_epochs</c> → "5").</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();
    /// <summary>Steps whose units all rerun; "all" forces every step.</summary>
    public IReadOnlyList<string> Force { get; init; } = [];
    public bool DryRun { get; init; }
    public IReadOnlyDictionary<string, ToolLaunch> Tools { get; init; } = new Dictionary<string, ToolLaunch>();
    /// <summary>How the slurm executor starts Slurm's tools (null: from PATH with this process's environment).</summary>
    public Privatar.Slurm.SlurmCommands? Slurm { get; init; }
}

/// <summary>
/// The engine's facade for one build of one profile: configuration read and validated, steps expanded
/// into units, and the strategy that runs them. Opening it does no work and takes no lock; the lock
/// is taken when the first unit runs (or on Clean) and released on Dispose or process exit.
/// </summary>
public sealed class PipelineSession : IDisposable
{
    ProfileLock? _lock;
    readonly HashSet<string> _forced;
    readonly RunContext _run;

    PipelineSession(PipelineOptions o, ResolvedConfig config, PipelinePlan plan, IPipelineLog log)
    {
        Config = config;
        Plan = plan;
        Log = log is SynchronizedLog ? log : new SynchronizedLog(log);
        Layout = new PipelineLayout(o.Root, o.Profile);
        Hasher = new FileHasher(o.Root, Layout.HashCache);
        Stamps = new StampStore(Layout.Stamps);
        Previous = new PreviousOutputs(o.Root, Layout.Previous, Stamps);
        Failures = new FailureStore(Layout.Failures);
        Checker = new StalenessChecker(o.Root, Hasher, Stamps);
        Executor = new UnitExecutor(o.Root, o.Tools, Log);
        Strategy = o.DryRun ? new DryRunStrategy() : config.Executor == "slurm" ? new SlurmStrategy(o.Slurm) : new RunStrategy();
        Progress = new BuildProgress(() => Status(Scheduled).Where(d => d.State != UnitState.UpToDate)
            .Select(d => (d.Unit, StampOf(d.Unit)?.WallSeconds)), Log);
        _run = new RunContext
        {
            Plan = plan, Config = config, Layout = Layout, Log = Log, Decide = Decide, Scheduled = () => Scheduled,
            Hasher = Hasher, Stamps = Stamps, Checker = Checker, Executor = Executor,
            Previous = Previous, Failures = Failures, Progress = Progress, AcquireLock = AcquireLock,
        };
        _forced = o.Force.Any(f => f.Equals("all", StringComparison.OrdinalIgnoreCase))
            ? plan.Steps.Select(s => s.Name).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : o.Force.Select(f => plan.Step(f).Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Reads and validates the configuration and expands every step; throws before any work on a bad config or declaration.</summary>
    public static PipelineSession Open(PipelineOptions options, IReadOnlyList<StepSpec> steps, IPipelineLog log)
    {
        var config = ExperimentConfig.Load(Path.Combine(options.Root, options.ConfigFile), options.Profile, options.Overrides, PipelinePlan.SchemaOf(steps));
        foreach (var w in config.Warnings) log.Warning(w);
        return new PipelineSession(options, config, PipelinePlan.Build(steps, config, log), log);
    }

    public ResolvedConfig Config { get; }
    public PipelinePlan Plan { get; }
    public PipelineLayout Layout { get; }
    public IPipelineLog Log { get; }
    public IExecutionStrategy Strategy { get; }
    internal FileHasher Hasher { get; }
    internal StampStore Stamps { get; }
    internal PreviousOutputs Previous { get; }
    internal FailureStore Failures { get; }
    internal StalenessChecker Checker { get; }
    internal UnitExecutor Executor { get; }
    internal BuildProgress Progress { get; }

    /// <summary>
    /// The steps this build will run (the target's tasks), for the progress line (null means every step) and for the
    /// units that may run ahead of their step's task ([pipeline] jobs, see <see cref="JobSlots"/>; null: none). Set once the
    /// build tool knows its target's tasks, which is after the session (and the task graph drawn from its plan) exists.
    /// </summary>
    public IReadOnlyList<string>? Scheduled { get; set; }

    /// <summary>Whether this build only reports what would run (Cake's --dryrun).</summary>
    public bool DryRun => Strategy is DryRunStrategy;

    /// <summary>Runs one step through the strategy; returns the units that ran (or would run).</summary>
    public IReadOnlyList<Unit> Run(string step)
    {
        var ran = Strategy.RunStep(_run, Plan.Step(step));
        // Deciding hashes the files whose cache entries were too fresh to trust (outputs stamped right after they were
        // written) or that changed; keeping those hashes lets the next build of an unchanged tree only stat them.
        if (!DryRun) Hasher.Save();
        return ran;
    }

    /// <summary>The unit's own verdict against its stamp and the files on disk now; a stale unit whose last run failed says so.</summary>
    public Decision Decide(Unit unit)
    {
        var d = Checker.Check(unit, _forced.Contains(unit.Step.Name));
        return d.State != UnitState.UpToDate && Failures.Read(unit.Step.Name, unit.Id) is { } failed
            ? d with { Reasons = [.. d.Reasons, $"last run failed: {failed.Split('\n')[0]}"] }
            : d;
    }

    /// <summary>Every unit's predicted verdict, in run order (stale, maybe or up to date).</summary>
    public IReadOnlyList<Decision> Status(IEnumerable<string>? steps = null)
    {
        var predictor = new Predictor();
        var wanted = steps?.Select(s => Plan.Step(s).Name).ToHashSet(StringComparer.Ordinal);
        var all = Plan.Units.Select(u => predictor.Predict(Decide(u))).ToList();
        return wanted is null ? all : all.Where(d => wanted.Contains(d.Unit.Step.Name)).ToList();
    }

    public Stamp? StampOf(Unit unit)
    {
        try { return Stamps.TryRead(unit.Step.Name, unit.Id); }
        catch (StampSchemaException) { return null; }
    }

    /// <summary>Outputs and stamps in the profile tree that no unit of the current plan declares (left by units a config change removed).</summary>
    public IReadOnlyList<Orphan> Orphans() => Orphan.Find(Plan, Layout);

    /// <summary>Deletes every orphan (see <see cref="Orphans"/>); nothing a current unit declares is touched.</summary>
    public void CleanOrphans()
    {
        AcquireLock();
        var orphans = Orphans();
        foreach (var o in orphans) StampStore.DeleteFile(Path.Combine(Layout.Root, o.Path));
        Log.Info(orphans.Count == 0 ? "No orphans: every file in the profile tree is declared by a unit of the current plan"
            : $"Removed {orphans.Count} orphan(s): {Orphan.Describe(orphans)}");
    }

    /// <summary>Deletes a step's outputs and stamps, or (no step) the whole profile tree except the lock.</summary>
    public void Clean(string? step = null)
    {
        AcquireLock();
        if (step is null)
        {
            foreach (var d in Directory.Exists(Layout.Tree) ? Directory.EnumerateFileSystemEntries(Layout.Tree) : [])
                if (Path.GetFileName(d) != PipelineLayout.EngineDir) Delete(d);
            foreach (var dir in new[] { Layout.Stamps, Layout.Failures })
                if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
            Log.Info($"Cleaned {Layout.TreeRelative}/");
            return;
        }
        foreach (var u in Plan.UnitsOf(step))
        {
            Stamps.Delete(u.Step.Name, u.Id);
            Failures.Clear(u.Step.Name, u.Id);
            foreach (var o in u.Outputs) StampStore.DeleteFile(Path.Combine(Layout.Root, o));
        }
        Log.Info($"Cleaned the outputs and stamps of {Plan.Step(step).Name}");
    }

    internal void AcquireLock()
    {
        if (_lock is not null) return;
        _lock = ProfileLock.Acquire(Layout.Lock, Config.Profile);
        // Jobs a killed slurm build left in flight may still be writing: their units stay set aside for the build that
        // adopts them, and so do temporary files (one may be a running job's).
        var journaled = Privatar.Slurm.JobJournal.Open(Layout.SlurmJournal).Entries.Select(e => e.Unit).ToHashSet(StringComparer.Ordinal);
        if (journaled.Count > 0 && Strategy is not SlurmStrategy)
            throw new InvalidOperationException($"{Path.GetRelativePath(Layout.Root, Layout.SlurmJournal)} lists Slurm jobs an earlier build left running " +
                $"({string.Join(", ", journaled)}): rerun with --pipeline_executor=slurm to adopt them, or scancel them and delete that file.");
        var stale = journaled.Count > 0 ? 0 : AtomicFile.CleanStaleTemporaries(Layout.Tree);
        if (stale > 0) Log.Info($"Removed {stale} temporary file(s) left by an interrupted build");
        var restored = Previous.RecoverInterrupted((step, unit) => journaled.Contains($"{step}[{unit}]"));
        if (restored.Count > 0)
            Log.Info($"Restored the previous outputs of {restored.Count} unit(s) an interrupted build left unfinished: {string.Join(", ", restored.Select(r => $"{r.Step}[{r.Unit}]"))}");
    }

    static void Delete(string path)
    {
        if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
        else StampStore.DeleteFile(path);
    }

    public void Dispose()
    {
        (Strategy as IDisposable)?.Dispose();
        _lock?.Dispose();
        _lock = null;
    }
}
