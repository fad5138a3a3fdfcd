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
    public void Should_Register_Step_Tasks_From_The_Catalog_With_No_Task_File_Restating_A_Step()
    {
        // The step tasks come from StepCatalog and the plan's step graph; a hand-written file exists only for a task that
        // does more than run its step, and then it must not restate the edges.
        var toc = File.ReadAllText(RepoPaths.Of("build/build.cake"));
        Assert.Contains("RegisterStepTasks(pipeline", toc);
        string[] handWritten = ["Verify", "Report"];
        foreach (var step in StepCatalog.All)
        {
            var file = RepoPaths.Of($"build/tasks/{step.Name}.cake");
            Assert.True(handWritten.Contains(step.Name) != !File.Exists(file), $"build/tasks/{step.Name}.cake: only {string.Join(" and ", handWritten)} have a task file.");
            if (File.Exists(file)) Assert.DoesNotContain("IsDependentOn", File.ReadAllText(file));
        }
    }

    [Theory]
    [InlineData("smoke")]
    [InlineData("functional")]
    [InlineData("full")]
    public void Should_Draw_Task_Edges_Only_To_Earlier_Steps_And_Report_Without_Verify(string profile)
    {
        var config = ExperimentConfig.Load(RepoPaths.Of("cake.config"), profile, new Dictionary<string, string>(), PipelinePlan.SchemaOf(StepCatalog.All));
        var plan = PipelinePlan.Build(StepCatalog.All, config, new ListLog());
        var runsAlso = new Dictionary<string, string> { ["Report"] = "Verify" };
        var graph = plan.Steps.ToDictionary(s => s.Name, s => StepTaskGraph.Upstream(plan, s.Name, runsAlso));
        var order = StepCatalog.All.Select(s => s.Name).ToList();
        foreach (var (step, upstream) in graph)
            Assert.All(upstream, u => Assert.True(order.IndexOf(u) < order.IndexOf(step), $"{step} <- {u}"));
        Assert.Equal(["Data"], graph["Train"]);
        Assert.DoesNotContain("Verify", graph["Report"]);
        Assert.Contains("Figures", graph["Report"]);
        Assert.Superset(graph["Verify"].ToHashSet(), graph["Report"].ToHashSet());
    }

    [Fact]
    public void Should_Expand_Every_Steps_Code_To_Existing_Files_Covering_Its_Declaration()
    {
        // A step's code is named by project (CodeSources); what it expands to must exist and include the step's own file.
        foreach (var step in StepCatalog.All)
        {
            var files = step.Code.SelectMany(c => Privatar.Pipeline.Hashing.CodeSources.Expand(RepoPaths.Root, c)).ToList();
            Assert.All(files, f => Assert.True(File.Exists(RepoPaths.Of(f)), $"{step.Name}: {f}"));
            // its own file: <Name>Step.cs, or the file declaring a family of steps by name (SynthesisSteps.cs)
            Assert.Contains(files, f => f == $"src/Privatar.Steps/{step.Name}Step.cs" ||
                (f.StartsWith("src/Privatar.Steps/", StringComparison.Ordinal) && File.ReadAllText(RepoPaths.Of(f)).Contains($"\"{step.Name}\"", StringComparison.Ordinal)));
            Assert.Contains("Directory.Packages.props", files);
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
