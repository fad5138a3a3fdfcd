namespace Privatar.Pipeline.Specs;

/// <summary>
/// What a unit asks of a cluster scheduler when the build runs under <c>[pipeline] executor = slurm</c>: a step declares
/// them for all its units (<see cref="StepSpec.Resources"/>), a unit may override any of them (<see cref="UnitSpec.Resources"/>),
/// and what neither sets comes from <c>[slurm]</c>. A null field means "not set here". The local executor ignores them.
/// </summary>
public sealed record UnitResources(int? Cpus = null, int? Gpus = null, int? MemoryMb = null, TimeSpan? TimeLimit = null, bool? Exclusive = null)
{
    public static readonly UnitResources None = new();

    /// <summary>This request, with every field it leaves unset taken from <paramref name="fallback"/>.</summary>
    public UnitResources Over(UnitResources? fallback) => fallback is null ? this : new(
        Cpus ?? fallback.Cpus, Gpus ?? fallback.Gpus, MemoryMb ?? fallback.MemoryMb, TimeLimit ?? fallback.TimeLimit, Exclusive ?? fallback.Exclusive);
}
