using System.Text.RegularExpressions;
using Xunit;

namespace Privatar.Figures.Tests;

/// <summary>Conventions of src/Privatar.Figures kept alive as tests (ScottPlot style).</summary>
public sealed partial class ArchitectureTests
{
    static readonly string Source = Path.Combine(Repo.Root, "src", "Privatar.Figures");

    /// <summary>Literals a recipe may use: indices, halves and the base of log10. Styling constants live in FigureStyle.cs.</summary>
    static readonly HashSet<string> Allowed = ["0", "1", "2", "10"];

    static IEnumerable<string> SourceFiles() =>
        Directory.GetFiles(Source, "*.cs", SearchOption.AllDirectories).Where(f => !f.Contains("/obj/") && !f.Contains("/bin/"));

    /// <summary>The code with comments, string and char literals removed (interpolation holes go too: they only format).</summary>
    static string CodeOnly(string text)
    {
        text = BlockComment().Replace(text, " ");
        text = LineComment().Replace(text, " ");
        text = StringLiteral().Replace(text, "\"\"");
        return CharLiteral().Replace(text, "' '");
    }

    [Fact]
    public void Should_Hold_No_Numeric_Literals_Outside_The_Style()
    {
        var offenders = new List<string>();
        foreach (var file in SourceFiles().Where(f => Path.GetFileName(f) != "FigureStyle.cs"))
            foreach (Match m in NumericLiteral().Matches(CodeOnly(File.ReadAllText(file))))
                if (!Allowed.Contains(m.Value.TrimEnd('f', 'F', 'd', 'D', 'm', 'M', 'l', 'L', 'u', 'U'))) offenders.Add($"{Path.GetRelativePath(Source, file)}: {m.Value}");
        Assert.Empty(offenders);
    }

    [Fact]
    public void Should_Detect_A_Planted_Result_Number()
    {
        // The scanner itself must see a typed-in result, e.g. the notebook's baseline loss.
        var planted = "Draw.Reference(plot, 0.072711, \"baseline 0.5\"); // 99";
        Assert.Equal(["0.072711"], NumericLiteral().Matches(CodeOnly(planted)).Select(m => m.Value));
    }

    [Fact]
    public void Should_Keep_Every_Recipe_In_Figures_And_Named_After_Its_Paper_Figure()
    {
        var recipes = typeof(IFigure).Assembly.GetTypes().Where(t => typeof(IFigure).IsAssignableFrom(t) && !t.IsInterface).ToList();
        Assert.NotEmpty(recipes);
        Assert.All(recipes, t => Assert.Matches("^(Fig[0-9]{2}|Extra)[A-Za-z]+$", t.Name));
        Assert.All(recipes, t => Assert.True(File.Exists(Path.Combine(Source, "Figures", t.Name + ".cs")), t.Name));
    }

    [GeneratedRegex(@"/\*.*?\*/", RegexOptions.Singleline)] private static partial Regex BlockComment();
    [GeneratedRegex(@"//[^\n]*")] private static partial Regex LineComment();
    [GeneratedRegex(@"\$?@?""(?:[^""\\\n]|\\.)*""")] private static partial Regex StringLiteral();
    [GeneratedRegex(@"'(?:[^'\\\n]|\\.)'")] private static partial Regex CharLiteral();
    [GeneratedRegex(@"(?<![\w.])\d+(?:\.\d+)?(?:[eE][+-]?\d+)?[fFdDmMlLuU]?(?![\w.])")] private static partial Regex NumericLiteral();
}
