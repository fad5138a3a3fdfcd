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
        // (the grid holds no numbers: its tiles are checked by Should_Change_The_Grid_When_Its_Csv_Points_At_Other_Tiles)
        var figures = FigureCatalog.For(new FigureInputs(fx.Results)).Where(f => f is not ExtraReconstructionGrid).ToList();
        var before = figures.ToDictionary(f => f.Name, f => RenderPng(f, fx.Results, fx.Figures));
        // When every measured value of every table is scaled
        foreach (var f in Directory.GetFiles(fx.Results, "*.csv")) ScaleMeasurements(f);
        // Then every figure's pixels change: none of them draws a number that is not read from its inputs
        var unchanged = figures.Where(f => before[f.Name].SequenceEqual(RenderPng(f, fx.Results, fx.Figures))).Select(f => f.Name).ToList();
        Assert.Empty(unchanged);
    }

    [Fact]
    public void Should_Change_The_Grid_When_Its_Csv_Points_At_Other_Tiles()
    {
        // Given the 2x3 fixture grid
        using var fx = new FixtureCopy();
        var fig = new ExtraReconstructionGrid();
        var before = RenderPng(fig, fx.Results, fx.Figures);
        // When the CSV swaps two tiles
        var csv = Path.Combine(fx.Results, "reconstruction_grid.csv");
        File.WriteAllText(csv, File.ReadAllText(csv).Replace("r0_c0.png", "TMP").Replace("r1_c2.png", "r0_c0.png").Replace("TMP", "r1_c2.png"));
        // Then the figure differs: its pixels are the files the CSV names
        Assert.NotEqual(before, RenderPng(fig, fx.Results, fx.Figures));
    }

    [Fact]
    public void Should_Change_The_Svg_Text_When_One_Csv_Value_Changes()
    {
        // Given fig12 drawn from the fixtures, whose labels print each point's increase over the baseline
        using var fx = new FixtureCopy();
        var fig = new Fig12ReconstructionLoss("pac");
        RenderPng(fig, fx.Results, fx.Figures);
        var svg = File.ReadAllText(Path.Combine(fx.Figures, fig.Name + ".svg"));
        // When the baseline's test loss is doubled in test_metrics.csv
        var rows = ResultCsv.Read(ResultFamilies.TestMetrics, fx.Results).Select(r => r.Variant == "baseline" ? r with { ScreenMse = r.ScreenMse * 2 } : r).ToList();
        ResultCsv.Write(ResultFamilies.TestMetrics, fx.Results, rows);
        RenderPng(fig, fx.Results, fx.Figures);
        // Then the SVG's text changes too (labels and the caption's content hash)
        Assert.NotEqual(svg, File.ReadAllText(Path.Combine(fx.Figures, fig.Name + ".svg")));
        Assert.DoesNotContain(FigureRunner.ShortHash(Path.Combine(fx.Results, "test_metrics.csv")), svg);
    }
}
