using System.Reflection;
using System.Text.RegularExpressions;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Architecture;

/// <summary>The conventions of style.md §13 that concern the build and the engine, kept alive as tests.</summary>
public sealed class ConventionTests
{
    static IEnumerable<string> Lines(string relative) => File.ReadAllLines(RepoPaths.Of(relative));

    [Fact]
    public void Should_Keep_Each_Task_File_Under_30_Lines_And_The_Table_Of_Contents_Under_120()
    {
        var tasks = Directory.GetFiles(RepoPaths.Of("build/tasks"), "*.cake");
        Assert.NotEmpty(tasks);
        Assert.All(tasks, t => Assert.True(File.ReadAllLines(t).Length <= 30, $"{Path.GetFileName(t)} has {File.ReadAllLines(t).Length} lines (max 30)."));
        Assert.True(Lines("build/build.cake").Count() <= 120, "build/build.cake is over 120 lines.");
    }

    [Fact]
    public void Should_Keep_The_Engine_Free_Of_TorchSharp_ScottPlot_And_Cake()
    {
        foreach (var assembly in new[] { typeof(PipelineSession).Assembly, typeof(Steps.StepCatalog).Assembly })
        {
            var refs = assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();
            Assert.DoesNotContain(refs, r => r.StartsWith("TorchSharp", StringComparison.Ordinal)
                || r.StartsWith("ScottPlot", StringComparison.Ordinal) || r.StartsWith("Cake", StringComparison.Ordinal));
        }
        foreach (var csproj in new[] { "src/Privatar.Pipeline/Privatar.Pipeline.csproj", "src/Privatar.Steps/Privatar.Steps.csproj" })
            Assert.DoesNotMatch(new Regex("Include=\"[^\"]*(TorchSharp|ScottPlot|Cake|Privatar\\.(Torch|Models|Figures))"), File.ReadAllText(RepoPaths.Of(csproj)));
    }

    [Fact]
    public void Should_Pin_Every_Package_Version_Exactly()
    {
        var props = File.ReadAllText(RepoPaths.Of("Directory.Packages.props"));
        var versions = Regex.Matches(props, "<PackageVersion Include=\"([^\"]+)\" Version=\"([^\"]*)\"").Select(m => (m.Groups[1].Value, m.Groups[2].Value)).ToList();
        Assert.NotEmpty(versions);
        Assert.All(versions, v => Assert.Matches(@"^\d+(\.\d+){1,3}(-[0-9A-Za-z.]+)?$", v.Item2));
        foreach (var csproj in Directory.GetFiles(RepoPaths.Of("src"), "*.csproj", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(RepoPaths.Of("tests"), "*.csproj", SearchOption.AllDirectories)))
            Assert.DoesNotMatch("<PackageReference [^>]*Version=", File.ReadAllText(csproj));
    }

    [Fact]
    public void Should_Not_Write_To_The_Console_Or_Exceed_400_Lines_In_The_Engine()
    {
        foreach (var file in Directory.GetFiles(RepoPaths.Of("src/Privatar.Pipeline"), "*.cs", SearchOption.AllDirectories)
                     .Concat(Directory.GetFiles(RepoPaths.Of("src/Privatar.Steps"), "*.cs", SearchOption.AllDirectories))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")))
        {
            var text = File.ReadAllText(file);
            Assert.DoesNotContain("Console.Write", text);
            Assert.True(text.Split('\n').Length <= 400, $"{file} is over 400 lines.");
        }
    }
}
