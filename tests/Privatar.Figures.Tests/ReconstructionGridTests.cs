using Xunit;

namespace Privatar.Figures.Tests;

/// <summary>The texture/render comparison grid: reading results/reconstruction_grid.csv and drawing its tiles.</summary>
public sealed class ReconstructionGridTests
{
    static string Csv(FixtureCopy fx) => Path.Combine(fx.Results, "reconstruction_grid.csv");

    [Fact]
    public void Should_Draw_The_2x3_Fixture_With_Its_Labels_And_Caption()
    {
        using var fx = new FixtureCopy();
        var data = new FigureInputs(fx.Results);
        var outcome = new FigureRunner(FigureStyle.Default).RenderUnit(new ExtraReconstructionGrid(), data, fx.Figures, "fixture");
        Assert.True(outcome.Rendered, outcome.Detail);
        var svg = File.ReadAllText(Path.Combine(fx.Figures, "extra_reconstruction_grid.svg"));
        foreach (var label in new[] { "E001 cam 400023", "E003 cam 400023", "ground truth", "baseline", "(corrected)", "2 test samples × 3 settings" })
            Assert.Contains(label, svg);
        Assert.Contains($"profile fixture · data: reconstruction_grid.csv@{FigureRunner.ShortHash(Csv(fx))}", svg);
        Assert.Equal(6, System.Text.RegularExpressions.Regex.Matches(svg, "<image").Count);
        Assert.Equal((900, 450), new ExtraReconstructionGrid().Size(FigureStyle.Default, data));
    }

    [Theory]
    [InlineData("row,column,png\n", "header is 'row,column,png'; expected 'row,column,image'")]
    [InlineData("row,column,image\na,b,reconstruction_grid/missing.png\n", ":2: image 'reconstruction_grid/missing.png' does not exist")]
    [InlineData("row,column,image\na,b,../escape.png\n", ":2: image '../escape.png' must be a path relative to the results folder, inside it")]
    [InlineData("row,column,image\na,b,reconstruction_grid/r0_c0.png\na,b,reconstruction_grid/r0_c1.png\n", ":3: row 'a', column 'b' appears twice")]
    [InlineData("row,column,image\n,b,reconstruction_grid/r0_c0.png\n", ":2: row, column and image must all be non-empty")]
    public void Should_Name_The_File_And_Line_Of_A_Bad_Grid(string text, string message)
    {
        using var fx = new FixtureCopy();
        File.WriteAllText(Csv(fx), text);
        var e = Assert.Throws<InvalidDataException>(() => ReconstructionGridFile.Instance.Read(Csv(fx)));
        Assert.Contains(message, e.Message);
        Assert.StartsWith(Csv(fx), e.Message);
    }
}
