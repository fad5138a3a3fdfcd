using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Hashing;

public sealed class CodeSourcesTests : IDisposable
{
    readonly Scratch _s = new();
    public void Dispose() => _s.Dispose();

    static string Csproj(params string[] references) =>
        "<Project Sdk=\"Microsoft.NET.Sdk\"><ItemGroup>" +
        string.Concat(references.Select(r => $"<ProjectReference Include=\"../{r}/{r}.csproj\" />")) + "</ItemGroup></Project>";

    void Repo()
    {
        _s.Write("Directory.Packages.props", "<Project />")
          .Write("src/App/App.csproj", Csproj("Lib")).Write("src/App/Run.cs", "")
          .Write("src/Lib/Lib.csproj", Csproj("Core")).Write("src/Lib/Deep/Model.cs", "")
          .Write("src/Lib/obj/Release/Lib.AssemblyInfo.cs", "").Write("src/Lib/bin/Release/Gen.cs", "")
          .Write("src/Core/Core.csproj", Csproj()).Write("src/Core/Seeds.cs", "")
          .Write("src/Other/Other.csproj", Csproj()).Write("src/Other/Unrelated.cs", "");
    }

    [Fact]
    public void Should_Cover_The_Project_And_Every_Project_It_References_Transitively_Without_Build_Output()
    {
        Repo();
        Assert.Equal(
            ["Directory.Packages.props", "src/App/App.csproj", "src/App/Run.cs", "src/Core/Core.csproj", "src/Core/Seeds.cs",
             "src/Lib/Deep/Model.cs", "src/Lib/Lib.csproj"],
            CodeSources.Expand(_s.Root, CodeSources.Project("App")));
    }

    [Fact]
    public void Should_Name_A_Missing_Referenced_Project()
    {
        Repo();
        _s.Write("src/Lib/Lib.csproj", Csproj("Core", "Gone"));
        var e = Assert.Throws<FileNotFoundException>(() => CodeSources.Expand(_s.Root, CodeSources.Project("App")));
        Assert.Contains("src/Gone/Gone.csproj", e.Message);
    }

    [Fact]
    public void Should_Leave_Paths_And_Globs_As_They_Were()
    {
        Repo();
        Assert.Equal(["src/Other/Unrelated.cs"], CodeSources.Expand(_s.Root, "src/Other/*.cs"));
        Assert.Equal(["src/Other/Unrelated.cs"], CodeSources.Expand(_s.Root, "src/Other/Unrelated.cs"));
    }
}
