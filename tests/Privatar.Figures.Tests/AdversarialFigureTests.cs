using System.Globalization;
using ScottPlot;
using Xunit;

namespace Privatar.Figures.Tests;

/// <summary>
/// Every recipe drawn from fixture tables made hostile to a layout: twelve MI series where the fixture has three (two of
/// them identical to a third), zeros on every log axis, and a configuration name long enough to wrap. The layout must
/// still keep each legend off the data and every label inside the figure, measured from ScottPlot's render rectangles.
/// </summary>
public sealed class AdversarialFigureTests
{
    /// <summary>MI bounds added beside the fixture's 1, 0.1 and 0.01: nine more, so a per-MI figure has twelve series.</summary>
    static readonly double[] ExtraMi = [4, 3, 2, 0.5, 0.2, 0.05, 0.02, 0.005, 0.001];

    /// <summary>Per table: the columns a copied MI series is scaled on (up for magnitudes, down for probabilities).</summary>
    static readonly Dictionary<string, (string[] Up, string[] Down)> Measured = new()
    {
        ["noise_summary.csv"] = (["noise_sum", "noise_l2", "noise_max"], []),
        ["noise_vectors.csv"] = (["value"], []),
        ["noisy_inference.csv"] = (["screen_mse", "tex_mse"], []),
        ["attacks.csv"] = ([], ["psr", "ci_low", "ci_high"]),
        ["psr_bounds.csv"] = ([], ["psr", "original_psr"]),
    };

    /// <summary>One zero per table on a column some recipe draws on a log axis.</summary>
    static readonly Dictionary<string, string> LogZero = new()
    {
        ["noise_summary.csv"] = "noise_sum", ["capacity.csv"] = "users_compute_bound", ["training_curves.csv"] = "loss_screen",
        ["frequency_covariance.csv"] = "value",
    };

    const string LongConfig = "default_configuration_with_a_deliberately_long_name_that_a_title_must_wrap";

    [Fact]
    public void Should_Keep_Legends_Off_The_Data_And_Labels_Inside_For_Every_Recipe_On_Hostile_Data()
    {
        using var fx = new FixtureCopy();
        MakeHostile(fx.Results);
        var data = new FigureInputs(fx.Results);
        var runner = new FigureRunner(FigureStyle.Default);
        var (problems, legends) = (new List<string>(), new List<string>());
        foreach (var figure in FigureCatalog.For(data))
        {
            var (plot, reason) = runner.Build(figure, data, "fixture");
            if (plot is null) { problems.Add($"{figure.Name}: not drawn: {reason}"); continue; }
            using (plot)
            {
                var (w, h) = figure.Size(FigureStyle.Default, data);
                problems.AddRange(FigureLayoutTests.Problems(plot, w, h).Select(p => $"{figure.Name}: {p}"));
                legends.AddRange(plot.Legend.GetItems().Select(i => i.LabelText));
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        // the hostile parts reached the figures: a twelve-series legend, a coincidence note, a zero left off a log axis, the long name
        Assert.Contains(legends, l => l.Contains("identical", StringComparison.Ordinal));
        Assert.Contains(legends, l => l.Contains("not on the log scale", StringComparison.Ordinal));
        Assert.Contains(FigureCatalog.For(data), f => f.Name.Contains(LongConfig, StringComparison.Ordinal));
    }

    /// <summary>Rewrites the fixture tables in place (same columns, values the readers accept).</summary>
    static void MakeHostile(string results)
    {
        foreach (var path in Directory.GetFiles(results, "*.csv"))
        {
            var name = Path.GetFileName(path);
            var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToList();
            var header = lines[0].Split(',');
            int Col(string c) => Array.IndexOf(header, c);
            var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
            if (Measured.TryGetValue(name, out var scaled))
            {
                var mi = Col("mi");
                var baseRows = rows.Where(r => r[mi] == "1").ToList();
                for (var k = 0; k < ExtraMi.Length; k++)
                {
                    var factor = k < 2 ? 1 : 1 + 0.06 * k; // the first two copies coincide with MI 1
                    rows.AddRange(baseRows.Select(r =>
                    {
                        var copy = (string[])r.Clone();
                        copy[mi] = F(ExtraMi[k]);
                        foreach (var c in scaled.Up.Select(Col)) copy[c] = F(N(copy[c]) * factor);
                        foreach (var c in scaled.Down.Select(Col)) copy[c] = F(N(copy[c]) / factor);
                        if (Col("file") is var file and >= 0) copy[file] = copy[file].Replace("mi1.", $"mi{F(ExtraMi[k])}.", StringComparison.Ordinal);
                        return copy;
                    }));
                }
            }
            if (LogZero.TryGetValue(name, out var zero)) rows[0][Col(zero)] = "0";
            if (name == "training_curves.csv") foreach (var r in rows.Where(r => r[Col("config")] == "default")) r[Col("config")] = LongConfig;
            File.WriteAllLines(path, rows.Select(r => string.Join(',', r)).Prepend(lines[0]));
        }
    }

    static double N(string cell) => double.Parse(cell, CultureInfo.InvariantCulture);
    static string F(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
