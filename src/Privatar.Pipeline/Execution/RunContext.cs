using Privatar.Pipeline.Config;
using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Stamps;

namespace Privatar.Pipeline.Execution;

/// <summary>
/// What a strategy needs to run a step's units: the plan, each unit's verdict, and the engine's stores. The session
/// builds it once; strategies see only this, so they do not depend on the session that holds them.
/// </summary>
public sealed class RunContext
{
    public required PipelinePlan Plan { get; init; }
    public required ResolvedConfig Config { get; init; }
    public required PipelineLayout Layout { get; init; }
    public required IPipelineLog Log { get; init; }

    /// <summary>The unit's own verdict against its stamp and the files on disk now.</summary>
    public required Func<Unit, Decision> Decide { get; init; }

    /// <summary>The steps this build runs, once the build tool has said (null: unknown, so no unit runs ahead of its step).</summary>
    public Func<IReadOnlyList<string>?> Scheduled { get; init; } = () => null;

    internal FileHasher Hasher { get; init; } = null!;
    internal StampStore Stamps { get; init; } = null!;
    internal StalenessChecker Checker { get; init; } = null!;
    internal UnitExecutor Executor { get; init; } = null!;
    internal PreviousOutputs Previous { get; init; } = null!;
    internal FailureStore Failures { get; init; } = null!;
    internal BuildProgress Progress { get; init; } = null!;

    /// <summary>Takes the profile lock (once) before anything is decided or written.</summary>
    internal Action AcquireLock { get; init; } = null!;
}
