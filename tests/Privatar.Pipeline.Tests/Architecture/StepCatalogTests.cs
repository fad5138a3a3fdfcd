using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Tests.Fixtures;
using Privatar.Steps;
using Xunit;

namespace Privatar.Pipeline.Tests.Architecture;

/// <summary>The real declarations against the real cake.config and build/: a new step cannot forget its config keys or its task.</summary>
public sealed class StepCatalogTests
{
    [Theory]
    [InlineData("smoke")]
    [InlineData("functional")]
    [InlineData("full")]
    public void Should_Resolve_And_Expand_The_Real_Pipeline_On_Every_Profile(string profile)
    {
        var config = ExperimentConfig.Load(RepoPaths.Of("cake.config"), profile, new Dictionary<string, string>(), PipelinePlan.SchemaOf(StepCatalog.All));
        var plan = PipelinePlan.Build(StepCatalog.All, config, new ListLog());
        Assert.Equal(StepCatalog.All.Count, plan.Steps.Count);
        Assert.Equal("1234", config.Canonical("runtime.seed"));
    }

    [Fact]
    public void Should_Have_A_Task_File_Loaded_By_Build_Cake_For_Every_Step()
    {
        var toc = File.ReadAllText(RepoPaths.Of("build/build.cake"));
        foreach (var step in StepCatalog.All)
        {
            var task = RepoPaths.Of($"build/tasks/{step.Name}.cake");
            Assert.True(File.Exists(task), $"Step {step.Name} has no build/tasks/{step.Name}.cake.");
            Assert.Contains($"#load \"tasks/{step.Name}.cake\"", toc);
            Assert.Contains($"p.Run(\"{step.Name}\")", File.ReadAllText(task));
        }
    }

    [Fact]
    public void Should_Reference_Every_Assembly_The_Declarations_Need_In_Build_Cake()
    {
        // The Cake process loads the declarations with #r; each non-framework dependency needs its own line.
        var toc = File.ReadAllText(RepoPaths.Of("build/build.cake"));
        var pending = new Stack<System.Reflection.AssemblyName>([typeof(StepCatalog).Assembly.GetName()]);
        var seen = new HashSet<string>();
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name.Name!) || !File.Exists(Path.Combine(AppContext.BaseDirectory, name.Name + ".dll"))) continue;
            Assert.Contains($"/{name.Name}.dll\"", toc);
            foreach (var r in System.Reflection.Assembly.Load(name).GetReferencedAssemblies()) pending.Push(r);
        }
        Assert.Contains("Privatar.Pipeline", seen);
    }
}
