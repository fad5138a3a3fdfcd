using Privatar.Pipeline.Planning;

namespace Privatar.Pipeline.Tests.Fixtures;

/// <summary>Drives the engine the way the Cake host does (open, then run each step in order), in-process.</summary>
public static class InProcessBuild
{
    public static PipelineSession Open(Scratch s, FakeSteps steps, string profile = "smoke", PipelineOptions? options = null, ListLog? log = null) =>
        PipelineSession.Open(options ?? new PipelineOptions(s.Root, profile), steps.All, log ?? new ListLog());

    /// <summary>Runs every step; returns the names of the units that ran.</summary>
    public static List<string> Build(Scratch s, FakeSteps steps, PipelineOptions? options = null, ListLog? log = null)
    {
        using var p = Open(s, steps, options: options, log: log);
        return p.Plan.Steps.SelectMany(step => p.Run(step.Name)).Select(u => u.Name).ToList();
    }

    public static Dictionary<string, UnitState> Status(Scratch s, FakeSteps steps)
    {
        using var p = Open(s, steps);
        return p.Status().ToDictionary(d => d.Unit.Name, d => d.State);
    }
}
