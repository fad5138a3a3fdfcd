using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Architecture;

/// <summary>The Attack declaration against the real cake.config: what a change of one MI bound or of an attacker setting reruns.</summary>
public sealed class AttackStepPlanTests
{
    [Fact]
    public void Changing_one_mi_bound_changes_only_that_bounds_units_and_the_gather()
    {
        Assert.Equal(["attacks", "partition_n14_mi_0.02", "partition_n2_mi_0.02", "partition_n8_mi_0.02"],
            StepPlans.Changed("Attack", new() { ["noise_mi_bounds"] = "4, 3, 1, 0.1, 0.02" }));
    }

    [Fact]
    public void The_corrected_attackers_lr_reaches_every_attack_unit_and_its_command()
    {
        var lr = new Dictionary<string, string> { ["attack_nn_corrected_lr"] = "0.02" };

        Assert.Equal(3 * 6, StepPlans.Changed("Attack", lr).Count(id => id != "attacks"));   // smoke: n = 2, 8, 14 x (none + 5 bounds)
        Assert.Contains("--corrected-lr 0.02", StepPlans.Units("Attack", lr).Single(u => u.Id == "partition_n8_mi_none").CommandText);
    }

    [Fact]
    public void The_gather_reads_every_attack_slice_through_its_contract()
    {
        var gather = StepPlans.Units("Attack").Single(u => u.Id == "attacks");
        Assert.StartsWith("privatar attack gather --slices artifacts/smoke/attack/", gather.CommandText);
        Assert.Equal(gather.Inputs.Count, gather.CommandText.Split(" --slices ").Length - 1);
        Assert.EndsWith("--out artifacts/smoke/results/attacks.csv", gather.CommandText);
    }
}
