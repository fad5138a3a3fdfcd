using System.Text;
using Privatar.Pipeline.Planning;

namespace Privatar.Pipeline.Reports;

/// <summary>The step graph derived from files: as indented text, and as a mermaid flowchart.</summary>
public static class DagRenderer
{
    /// <summary>Step → the steps whose outputs it reads, in registration order.</summary>
    public static IReadOnlyList<(string Step, IReadOnlyList<string> Upstream, int Units)> Edges(PipelinePlan plan) =>
        plan.Steps.Select(s => (s.Name, plan.UpstreamSteps(s.Name), plan.UnitsOf(s.Name).Count())).ToList();

    public static string Text(PipelinePlan plan)
    {
        var sb = new StringBuilder();
        foreach (var (step, up, units) in Edges(plan))
        {
            sb.Append(step).Append(" (").Append(units).Append(units == 1 ? " unit)" : " units)");
            sb.Append(up.Count == 0 ? "" : " <- " + string.Join(", ", up)).Append('\n');
            foreach (var u in plan.UnitsOf(step))
                sb.Append("    ").Append(u.Id).Append(u.Upstream.Count == 0 ? "" : " <- " + string.Join(", ", u.Upstream)).Append('\n');
        }
        return sb.ToString();
    }

    public static string Mermaid(PipelinePlan plan)
    {
        var sb = new StringBuilder("flowchart LR\n");
        foreach (var (step, _, units) in Edges(plan))
            sb.Append("    ").Append(Id(step)).Append("[\"").Append(step).Append(" (").Append(units).Append(")\"]\n");
        foreach (var (step, up, _) in Edges(plan))
            foreach (var u in up) sb.Append("    ").Append(Id(u)).Append(" --> ").Append(Id(step)).Append('\n');
        return sb.ToString();
    }

    // Mermaid node ids are plain identifiers; the label keeps the step's real name.
    static string Id(string step) => new(step.Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray());
}
