using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Tests.Fixtures;
using Privatar.Steps;
using Xunit;

namespace Privatar.Pipeline.Tests.Architecture;

/// <summary>The Attack declaration against the real cake.config: what a change of one MI bound or of an attacker setting reruns.</summary>
public sealed class AttackStepPlanTests
{
    static Dictionary<string, string> Signatures(Dictionary<string, string>? overrides = null)
    {
        var config = ExperimentConfig.Load(RepoPaths.Of("cake.config"), "smoke", overrides ?? [], PipelinePlan.SchemaOf(StepCatalog.All));
        return PipelinePlan.Build(StepCatalog.All, config, new ListLog()).UnitsOf("Attack").ToDictionary(u => u.Id,
            u => string.Join("|", [u.CommandText, .. u.Inputs, .. u.Outputs, .. u.Params.OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value}")]));
    }

    static List<string> Changed(Dictionary<string, string> overrides)
    {
        var before = Signatures();
        return Signatures(overrides).Where(kv => !before.TryGetValue(kv.Key, out var b) || b != kv.Value).Select(kv => kv.Key).Order().ToList();
    }

    [Fact]
    public void Changing_one_mi_bound_changes_only_that_bounds_units_and_the_gather()
    {
        Assert.Equal(["attacks", "partition_n14_mi_0.02", "partition_n2_mi_0.02", "partition_n8_mi_0.02"],
            Changed(new() { ["noise_mi_bounds"] = "4, 3, 1, 0.1, 0.02" }));
    }

    [Fact]
    public void The_corrected_attackers_lr_reaches_every_attack_unit_and_its_command()
    {
        var changed = Changed(new() { ["attack_nn_corrected_lr"] = "0.02" });

        Assert.Equal(3 * 6, changed.Count(id => id != "attacks"));   // smoke: n = 2, 8, 14 x (none + 5 bounds)
        Assert.Contains("--corrected-lr 0.02", Signatures(new() { ["attack_nn_corrected_lr"] = "0.02" })["partition_n8_mi_none"]);
    }
}
