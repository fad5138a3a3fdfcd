using System.Globalization;
using Privatar.Results;
using Xunit;

namespace Privatar.Figures.Tests;

/// <summary>Every figure's pixels must come from its declared CSV inputs: change the data, the figure changes.</summary>
public sealed class DataProvenanceTests
{
    static byte[] RenderPng(IFigure figure, string results, string outDir)
    {
        var outcome = new FigureRunner(FigureStyle.Default).Render(figure, new FigureInputs(results), outDir, "fixture");
        Assert.True(outcome.Rendered, $"{figure.Name}: {outcome.Detail}");
        return File.ReadAllBytes(Path.Combine(outDir, figure.Name + ".png"));
    }

    [Fact]
    public void Should_Change_Fig06_When_One_Capacity_Value_Is_Edited()
    {
        // Given the Quest 3 total-users figure drawn from the fixtures
        using var fx = new FixtureCopy();
        var fig = new Fig06TotalUsers("quest_3");
        var before = RenderPng(fig, fx.Results, fx.Figures);
        // When one cell of capacity.csv changes (users_offloaded of Quest 3, n = 8, no TEE)
        var rows = ResultCsv.Read(ResultFamilies.Capacity, fx.Results)
            .Select(r => r is { Headset: "quest_3", Tee: false, N: 8 } ? r with { UsersOffloaded = r.UsersOffloaded / 2 } : r).ToList();
        ResultCsv.Write(ResultFamilies.Capacity, fx.Results, rows);
        // Then the rendered image differs
        Assert.NotEqual(before, RenderPng(fig, fx.Results, fx.Figures));
    }

    /// <summary>Scales every measured (decimal) value of a CSV by 0.8, leaving keys (n, mi, sigma, ...) as they are.</summary>
    static void ScaleMeasurements(string path)
    {
        string[] keys = ["n", "mi", "sigma", "delta", "classes", "dims", "prior", "iter", "epoch", "component", "dim"];
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        for (var i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            for (var c = 0; c < cells.Length; c++)
                if (!keys.Contains(header[c]) && (cells[c].Contains('.') || cells[c].Contains('E')) && double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v != 0)
                    cells[c] = (v * 0.8).ToString("R", CultureInfo.InvariantCulture);
            lines[i] = string.Join(',', cells);
        }
        File.WriteAllText(path, string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void Should_Change_Every_Figure_When_Its_Input_Measurements_Change()
    {
        // Given every figure rendered from the fixtures
        using var fx = new FixtureCopy();
        var figures = FigureCatalog.For(new FigureInputs(fx.Results));
        var before = figures.ToDictionary(f => f.Name, f => RenderPng(f, fx.Results, fx.Figures));
        // When every measured value of every table is scaled
        foreach (var f in Directory.GetFiles(fx.Results, "*.csv")) ScaleMeasurements(f);
        // Then every figure's pixels change: none of them draws a number that is not read from its inputs
        var unchanged = figures.Where(f => before[f.Name].SequenceEqual(RenderPng(f, fx.Results, fx.Figures))).Select(f => f.Name).ToList();
        Assert.Empty(unchanged);
    }
}
