using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.StepDeclarations;

/// <summary>The teacher-ensemble generators' steps against the real cake.config: units, the keys each stamps, commands.</summary>
public sealed class PateStepsTests
{
    [Fact]
    public void Functional_Plans_One_Unit_Per_Dataset_And_Target_Epsilon_With_The_Small_Ensemble()
    {
        var plan = StepPlans.Plan("functional");
        var ids = new[] { "mnist", "fashion_mnist" }.SelectMany(d => new[] { 1, 10 }.Select(e => (d, e))).ToList();
        Assert.Equal(ids.Select(x => $"{x.d}_g-pate_eps{x.e}").Order(), plan.UnitsOf("SynthesisGPate").Select(u => u.Id).Order());
        Assert.Equal(ids.Select(x => $"{x.d}_datalens_eps{x.e}").Order(), plan.UnitsOf("SynthesisDataLens").Select(u => u.Id).Order());
        var gpate = plan.UnitsOf("SynthesisGPate").Single(u => u.Id == "fashion_mnist_g-pate_eps10");
        Assert.StartsWith("synthesis g-pate ", gpate.CommandText[gpate.CommandText.IndexOf("synthesis", StringComparison.Ordinal)..]);
        Assert.Contains("--teachers 250", gpate.CommandText);
        Assert.Contains("--projection-dims 10", gpate.CommandText);
        Assert.Contains("--target-epsilon 10", gpate.CommandText);
        Assert.Contains("g_pate.teachers", gpate.Params.Keys);
        Assert.DoesNotContain(gpate.Params.Keys, k => k.StartsWith("datalens.", StringComparison.Ordinal));
        var datalens = plan.UnitsOf("SynthesisDataLens").Single(u => u.Id == "mnist_datalens_eps1");
        Assert.Contains("--top-k 200", datalens.CommandText);
        Assert.DoesNotContain(datalens.Params.Keys, k => k.StartsWith("g_pate.", StringComparison.Ordinal));
        Assert.Contains(plan.UnitsOf("SynthesisEvaluate"), u => u.Id == "fashion_mnist_datalens_eps10");
    }

    [Fact]
    public void Smoke_Runs_A_Ten_Teacher_Ensemble()
    {
        var plan = StepPlans.Plan("smoke");
        Assert.Contains("--teachers 10", Assert.Single(plan.UnitsOf("SynthesisGPate")).CommandText);
        Assert.Contains("--steps 5", Assert.Single(plan.UnitsOf("SynthesisDataLens")).CommandText);
    }

    [Fact]
    public void Changing_A_G_Pate_Key_Reruns_Only_G_Pate_Units()
    {
        var before = StepPlans.Plan("functional");
        var after = StepPlans.Plan("functional", new() { ["g_pate_bins"] = "7" });
        string Key(Unit u) => $"{u.Step.Name}[{u.Id}] {u.CommandText} {string.Join(";", u.Params.Select(kv => $"{kv.Key}={kv.Value}"))}";
        var old = before.Units.Select(Key).ToHashSet();
        var changed = after.Units.Where(u => u.Step.Name.StartsWith("Synthesis", StringComparison.Ordinal) && !old.Contains(Key(u))).Select(u => u.Step.Name).Distinct();
        Assert.Equal(["SynthesisGPate"], changed);
    }
}
