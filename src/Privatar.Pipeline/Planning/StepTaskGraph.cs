namespace Privatar.Pipeline.Planning;

/// <summary>
/// The build tool's task dependencies, drawn from the plan's step graph: a step's task depends on the tasks of the
/// steps whose outputs its units read. A task that runs a second step itself (Report runs Verify, so that failed claims
/// reach the report before the build fails) takes that step's edges instead of an edge to it.
/// </summary>
public static class StepTaskGraph
{
    /// <summary>The tasks <paramref name="step"/>'s task depends on, in registration order.</summary>
    public static IReadOnlyList<string> Upstream(PipelinePlan plan, string step, IReadOnlyDictionary<string, string> runsAlso)
    {
        var other = runsAlso.TryGetValue(step, out var o) ? plan.Step(o).Name : null;
        var read = plan.UpstreamSteps(step).Concat(other is null ? [] : plan.UpstreamSteps(other)).ToHashSet(StringComparer.Ordinal);
        return [.. plan.Steps.Select(s => s.Name).Where(n => n != other && read.Contains(n))];
    }
}
