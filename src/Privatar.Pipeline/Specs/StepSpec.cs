using Privatar.Pipeline.Config;

namespace Privatar.Pipeline.Specs;

/// <summary>
/// The declaration of one pipeline step (the twin of a dvc.yaml stage): what code it depends on, which
/// configuration keys it reads, and how it expands into units. Pure data plus one expansion function;
/// it holds no state and does no I/O. The step's Cake task has the same <see cref="Name"/>.
/// </summary>
public sealed record StepSpec(string Name, string Description)
{
    /// <summary>Repository-relative source files or globs whose content the outputs depend on.</summary>
    public IReadOnlyList<string> Code { get; init; } = [];

    /// <summary>Bump by hand to force every unit to rerun when no code file changed (e.g. a data fix).</summary>
    public string Salt { get; init; } = "1";

    /// <summary>Every configuration key the step (its expansion or any unit) reads.</summary>
    public IReadOnlyList<ParamSpec> Params { get; init; } = [];

    /// <summary>
    /// Whether the step's units may share the [pipeline] jobs slots with other units, of this step or (running ahead of
    /// their step) of another concurrent one: true only for steps whose units time nothing and are single-threaded (a
    /// threads key of 1) or wait on I/O (a fetch checked against pinned hashes), so that running two on two cores
    /// changes no number. A unit still waits for every unit whose outputs it reads.
    /// </summary>
    public bool Concurrent { get; init; }

    /// <summary>
    /// Whether every unit must run in a fresh process of its own even when [pipeline] workers is true: for units that
    /// time themselves (a warm worker would change the timings) or otherwise cannot share a process.
    /// </summary>
    public bool SeparateProcesses { get; init; }

    /// <summary>What each unit asks of a cluster scheduler (executor = slurm); a unit may override any field.</summary>
    public UnitResources Resources { get; init; } = UnitResources.None;

    /// <summary>Expands the step into its units for one configuration (one per variant, list item, file...).</summary>
    public required Func<PlanContext, IEnumerable<UnitSpec>> Units { get; init; }
}

/// <summary>
/// One unit of work: the unit of staleness. Paths are repository-relative with '/' separators;
/// outputs must lie in the profile's tree (<see cref="PlanContext.Artifact"/>).
/// </summary>
public sealed record UnitSpec(string Id)
{
    /// <summary>Files the unit reads; a path with '*' or '?' is a glob, expanded and recorded.</summary>
    public IReadOnlyList<string> Inputs { get; init; } = [];

    /// <summary>Every file the unit writes. Units write them atomically (AtomicFile).</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>The step keys this unit depends on; null means all of them. A list key that only chooses the units belongs to the step, not to each unit.</summary>
    public IReadOnlyList<string>? Params { get; init; }

    /// <summary>This unit's own scheduler request (a GPU for one model, say); unset fields come from the step's.</summary>
    public UnitResources? Resources { get; init; }

    public required UnitCommand Command { get; init; }

    /// <summary>
    /// The unit draws its privacy noise from the OS CSPRNG ([runtime] noise = release): its outputs cannot be re-derived
    /// from a seed. A current stamp keeps the release it recorded (a rerun would be a second release, spending the budget
    /// again), and Status says so instead of calling it reproducible.
    /// </summary>
    public bool Release { get; init; }
}

/// <summary>
/// A unit declared by an earlier step, as a later step's expansion sees it: its name, declared outputs, and where the
/// engine keeps its stamp (a file a later unit may read, such as the report's provenance).
/// </summary>
public sealed record DeclaredUnit(string Step, string Id, IReadOnlyList<string> Outputs, string Stamp);

/// <summary>
/// What a step's expansion can see: the profile, the step's declared parameters, path helpers, and the units
/// of the steps registered before it (so a consumer such as Figures can plan only what the plan produces).
/// </summary>
public sealed class PlanContext(string profile, ParamValues parameters, IReadOnlyList<DeclaredUnit>? upstream = null, string stamps = "")
{
    public string Profile { get; } = profile;
    public ParamValues Params { get; } = parameters;

    /// <summary>Every unit of the steps registered before this one, in run order.</summary>
    public IReadOnlyList<DeclaredUnit> Upstream { get; } = upstream ?? [];

    /// <summary>Whether some earlier unit declares <paramref name="path"/> as an output.</summary>
    public bool IsProduced(string path) => Upstream.Any(u => u.Outputs.Contains(path));

    /// <summary>The folder holding every stamp, as the engine lays it out (each upstream unit's own is <see cref="DeclaredUnit.Stamp"/>).</summary>
    public string Stamps { get; } = stamps;

    /// <summary>The profile tree every output lives in: <c>artifacts/&lt;profile&gt;</c>.</summary>
    public string ArtifactRoot => $"artifacts/{Profile}";

    /// <summary><c>artifacts/&lt;profile&gt;/&lt;relative&gt;</c>.</summary>
    public string Artifact(string relative) => $"{ArtifactRoot}/{relative.TrimStart('/')}";
}
