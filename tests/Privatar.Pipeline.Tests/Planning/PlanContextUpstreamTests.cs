using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Planning;

/// <summary>A step's expansion sees the units of the steps registered before it, never its own or later ones.</summary>
public sealed class PlanContextUpstreamTests
{
    [Fact]
    public void Should_Show_Earlier_Units_And_Their_Outputs_To_A_Later_Step()
    {
        // Given the fake pipeline and a last step that records what its expansion saw
        var steps = new FakeSteps().All.ToList();
        PlanContext? seen = null;
        steps.Add(new StepSpec("Probe", "records its plan context") { Units = ctx => { seen = ctx; return []; } });
        var config = ExperimentConfig.Resolve(IniFile.Parse("cake.config", FakeConfig.Default.Split('\n')), "smoke", new Dictionary<string, string>(), PipelinePlan.SchemaOf(steps));
        // When the plan is built
        var plan = PipelinePlan.Build(steps, config, new ListLog());
        // Then the probe saw every earlier unit in run order, can ask whether a file is produced, and knows where stamps live
        Assert.NotNull(seen);
        Assert.Equal(plan.Units.Select(u => u.Name), seen.Upstream.Select(u => $"{u.Step}[{u.Id}]"));
        Assert.True(seen.IsProduced("artifacts/smoke/gen/item_2.txt"));
        Assert.False(seen.IsProduced("artifacts/smoke/gen/item_9.txt"));
        Assert.Equal("artifacts/smoke/.pipeline/stamps/Integration.Gen/item_1.json", seen.Upstream[0].Stamp);
        Assert.Equal("artifacts/smoke/.pipeline/stamps", seen.Stamps);
    }
}
