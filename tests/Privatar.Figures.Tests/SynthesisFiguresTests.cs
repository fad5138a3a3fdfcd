using Privatar.Steps;
using Xunit;

namespace Privatar.Figures.Tests;

/// <summary>The synthesis benchmark's figures, drawn from the fixture synthesis.csv and the fixture sets' sample grids.</summary>
public sealed class SynthesisFiguresTests
{
    static string Csv(FixtureCopy fx) => Path.Combine(fx.Results, "synthesis.csv");

    static string Svg(FixtureCopy fx, IFigure figure)
    {
        var outcome = new FigureRunner(FigureStyle.Default).RenderUnit(figure, new FigureInputs(fx.Results), fx.Figures, "fixture");
        Assert.True(outcome.Rendered, outcome.Detail);
        var svg = File.ReadAllText(Path.Combine(fx.Figures, figure.Name + ".svg"));
        Assert.Contains($"profile fixture · data: synthesis.csv@{FigureRunner.ShortHash(Csv(fx))}", svg);
        return svg;
    }

    [Fact]
    public void Should_Draw_The_Seed_Table_With_The_Real_Data_Row_Marked_As_The_Upper_Bound()
    {
        using var fx = new FixtureCopy();
        var svg = Svg(fx, new ExtraSynthesisSeedTable("mnist"));
        // one panel per target ε, the fixture's real-data CNN accuracy (0.98) and every method and classifier
        foreach (var text in new[] { "target ε = 1", "target ε = 10", "real data (upper bound)", "0.980", "dp-merf", "dp-cgan", "logreg", "mlp", "cnn", "achieved ε", "∞" })
            Assert.Contains(text, svg);
        Assert.DoesNotContain("fashion", svg, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Should_Order_Classifier_Columns_As_The_Tables_Do_Not_Alphabetically()
    {
        using var fx = new FixtureCopy();
        // the fixture's csv is sorted by name (cnn, logreg, mlp); the columns follow DPDM's Table 1 (logreg, mlp, cnn)
        Assert.Equal(["logreg", "mlp", "cnn"], new SynthesisTable(new FigureInputs(fx.Results), "mnist").Classifiers);
    }

    [Fact]
    public void Should_Say_The_Feature_Space_On_The_Fid_Figure_And_Draw_The_Upper_Bound_On_The_Accuracy_Figure()
    {
        using var fx = new FixtureCopy();
        var fid = Svg(fx, new ExtraSynthesisVsEpsilon("fashion_mnist", fid: true));
        Assert.Contains("local-CNN features, not Inception", fid);
        Assert.Contains("Fashion-MNIST", fid);
        var accuracy = Svg(fx, new ExtraSynthesisVsEpsilon("fashion_mnist", fid: false));
        Assert.Contains("real data (upper bound)", accuracy);
        Assert.Contains("dp-vae-original (no DP guarantee)", accuracy);
        // the titles say whether the sets are DP releases (the fixture's are reproducible runs)
        Assert.Equal("reproducible runs, not DP releases", new SynthesisTable(new FigureInputs(fx.Results), "fashion_mnist").NoiseNote);
    }

    [Fact]
    public void Should_Tile_Every_Sets_Sample_Grid_In_The_Gallery()
    {
        using var fx = new FixtureCopy();
        var svg = Svg(fx, new ExtraSynthesisSamples("mnist"));
        // the Figures step passes the results folder with a trailing slash: the sets are still found beside it
        Assert.Equal(new FigureInputs(fx.Results).SynthesisTree, new FigureInputs(fx.Results + "/").SynthesisTree);
        // 5 methods (PSG included) × 2 target ε, DPDM at both and its K = 4 ablation at 10; the replicates are not drawn
        Assert.Equal(13, System.Text.RegularExpressions.Regex.Matches(svg, "<image").Count);
        Assert.Contains("target ε = 10", svg);
    }

    [Fact]
    public void Should_Not_Draw_The_Gallery_When_A_Listed_Set_Has_No_Sample_Grid()
    {
        using var fx = new FixtureCopy();
        var png = Path.Combine(Path.GetDirectoryName(fx.Results)!, "synthesis", "sets", "mnist", "dp-merf_eps10", "samples.png");
        File.Delete(png);
        var outcome = new FigureRunner(FigureStyle.Default).Render(new ExtraSynthesisSamples("mnist"), new FigureInputs(fx.Results), fx.Figures, "fixture");
        Assert.False(outcome.Rendered);
        Assert.Contains("dp-merf at target ε = 10 on mnist", outcome.Detail);
        Assert.Contains(png, outcome.Detail);
    }

    [Fact]
    public void Should_Plan_The_Same_Synthesis_Figures_The_Catalog_Draws()
    {
        foreach (var dataset in Results.Vocabulary.SynthesisDatasets)
        {
            var recipes = FigureCatalog.Synthesis(dataset);
            Assert.Equal(recipes.Select(f => f.Name), FiguresStep.SynthesisFigures(dataset).Select(f => f.Name));
            Assert.All(recipes, f => Assert.Equal(["synthesis.csv"], f.Inputs.Select(i => i.FileName)));
            Assert.All(recipes, f => Assert.Equal(f.Name, FigureCatalog.Find(f.Name).Name));
            Assert.Equal([false, false, false, true], FiguresStep.SynthesisFigures(dataset).Select(f => f.Samples));
            var ablation = FigureCatalog.SynthesisAblation(dataset);
            Assert.Equal(ablation.Select(f => f.Name), FiguresStep.SynthesisAblationFigures(dataset));
            Assert.All(ablation, f => Assert.Equal(f.Name, FigureCatalog.Find(f.Name).Name));
        }
    }

    [Fact]
    public void Should_Draw_The_Ablation_With_An_Interval_Per_K_From_Its_Own_Table()
    {
        using var fx = new FixtureCopy();
        foreach (var fid in new[] { false, true })
        {
            var figure = new ExtraSynthesisVsNoiseLevels("mnist", fid);
            Assert.Equal(["synthesis_ablation.csv"], figure.Inputs.Select(i => i.FileName));
            var outcome = new FigureRunner(FigureStyle.Default).RenderUnit(figure, new FigureInputs(fx.Results), fx.Figures, "fixture");
            Assert.True(outcome.Rendered, outcome.Detail);
            var svg = File.ReadAllText(Path.Combine(fx.Figures, figure.Name + ".svg"));
            Assert.Contains("DPDM vs noise levels K at target ε = 10 (3 replicates, 95% intervals)", svg);
            Assert.Contains("profile fixture · data: synthesis_ablation.csv@", svg);
            if (!fid) Assert.Contains("logreg", svg);
        }
        // no ablation on Fashion-MNIST in the fixture: the figure says so instead of drawing an empty plot
        var missing = new FigureRunner(FigureStyle.Default).Render(new ExtraSynthesisVsNoiseLevels("fashion_mnist", fid: true), new FigureInputs(fx.Results), fx.Figures, "fixture");
        Assert.False(missing.Rendered);
    }

    [Fact]
    public void Should_Leave_Replicates_Out_Of_The_Tables_And_Epsilon_Figures()
    {
        using var fx = new FixtureCopy();
        var csv = Csv(fx);
        var rows = Results.ResultCsv.ReadFile(Results.ResultFamilies.Synthesis, csv).ToList();
        var release = rows.First(r => r.Method == "dp-merf" && r.Dataset == "mnist" && r.TargetEpsilon == 10 && r.Classifier == "cnn");
        Results.ResultCsv.WriteFile(Results.ResultFamilies.Synthesis, csv, [.. rows, release with { Replicate = 1, Accuracy = 0.01 }]);
        var table = new SynthesisTable(new FigureInputs(fx.Results), "mnist");
        Assert.Equal(release.Accuracy, table.Row("dp-merf", 10, "cnn")!.Accuracy);
        Assert.All(table.Released, r => Assert.Equal(0, r.Replicate));
    }
}
