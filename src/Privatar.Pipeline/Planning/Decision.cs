namespace Privatar.Pipeline.Planning;

public enum UnitState
{
    /// <summary>The stamp matches code, parameters, command, inputs and outputs.</summary>
    UpToDate,
    /// <summary>The unit will rerun; <see cref="Decision.Reasons"/> says why.</summary>
    Stale,
    /// <summary>Current now, but downstream of a stale unit: it reruns only if that unit's outputs change.</summary>
    Maybe,
}

/// <summary>
/// The staleness verdict for one unit, with one human-readable line per reason.
/// <see cref="ChangedInputs"/> lists the inputs whose content or presence changed when that was the reason.
/// </summary>
public sealed record Decision(Unit Unit, UnitState State, IReadOnlyList<string> Reasons)
{
    public IReadOnlyList<string> ChangedInputs { get; init; } = [];

    public string Describe() => State switch
    {
        UnitState.UpToDate => $"{Unit}: up to date, skipping",
        UnitState.Stale => $"{Unit}: {string.Join("; ", Reasons)}",
        _ => $"{Unit}: maybe ({string.Join("; ", Reasons)})",
    };
}
