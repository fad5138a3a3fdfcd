using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Privatar.Steps;

namespace Privatar.Pipeline.Tests.Fixtures;

/// <summary>The real steps planned from the real cake.config, one step's units (smoke), and which of them a config override changes.</summary>
public static class StepPlans
{
    public static PipelinePlan Plan(string profile, Dictionary<string, string>? overrides = null)
    {
        var config = ExperimentConfig.Load(RepoPaths.Of("cake.config"), profile, overrides ?? [], PipelinePlan.SchemaOf(StepCatalog.All));
        return PipelinePlan.Build(StepCatalog.All, config, new ListLog());
    }

    public static IReadOnlyList<Unit> Units(string step, Dictionary<string, string>? overrides = null) =>
        Plan("smoke", overrides).UnitsOf(step).ToList();

    /// <summary>Everything that decides whether a unit reruns: its command, files and stamped parameters.</summary>
    public static string Signature(Unit u) =>
        string.Join("|", [u.CommandText, .. u.Inputs, .. u.Outputs, .. u.Params.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")]);

    /// <summary>Ids (sorted) of the step's units that are new or differ in their signature under the overrides.</summary>
    public static List<string> Changed(string step, Dictionary<string, string> overrides)
    {
        var before = Units(step).ToDictionary(u => u.Id, Signature);
        return Units(step, overrides).Where(u => !before.TryGetValue(u.Id, out var b) || b != Signature(u)).Select(u => u.Id).Order().ToList();
    }
}
