using Privatar.Contracts;
using Privatar.Steps;
using Xunit;

namespace Privatar.Figures.Tests;

/// <summary>The Figures step plans figures by name and source; the recipes must agree, and the style must reach the pixels.</summary>
public sealed class FiguresStepTests
{
    [Fact]
    public void Should_Declare_Every_Planned_Figure_With_The_Sources_Its_Recipe_Reads()
    {
        foreach (var d in FiguresStep.Fixed)
            Assert.Equal(FigureCatalog.Find(d.Name).Inputs.Select(i => i.FileName), d.Sources);
        // every fixed recipe is planned, except the TEE breakdowns (the capacity model has no TEE rows)
        var unplanned = FigureCatalog.Paper.Concat(FigureCatalog.Extras).Select(f => f.Name).Except(FiguresStep.Fixed.Select(d => d.Name));
        Assert.Equal(["fig10_latency_breakdown_tee_quest_pro", "fig11_latency_breakdown_tee_quest_3"], unplanned);
    }

    [Fact]
    public void Should_Resolve_Training_Curve_Names_For_Every_Variant()
    {
        var f = Assert.IsType<ExtraTrainingCurves>(FigureCatalog.Find("extra_training_curves_frequency_decompose_default"));
        Assert.Equal("extra_training_curves_frequency_decompose_default", f.Name);
        Assert.Equal("extra_training_curves_sparsity_ratio0.5", FigureCatalog.Find("extra_training_curves_sparsity_ratio0.5").Name);
        Assert.Contains("unknown figure 'fig99'", Assert.Throws<ArgumentException>(() => FigureCatalog.Find("fig99")).Message);
        Assert.Equal("extra_training_curves_sparsity_ratio0.5", FiguresStep.TrainingCurvesName(ModelConfig.ParseId("sparse_ratio0.5")));
        Assert.Equal("extra_training_curves_partition_n8", FiguresStep.TrainingCurvesName(ModelConfig.ParseId("partition_n8")));
    }

    [Fact]
    public void Should_Change_Pixels_But_Not_Data_With_The_Style()
    {
        using var fx = new FixtureCopy();
        var fig = new Fig06TotalUsers("quest_3");
        byte[] Png(FigureStyle s)
        {
            new FigureRunner(s).Render(fig, new FigureInputs(fx.Results), fx.Figures, "fixture");
            return File.ReadAllBytes(Path.Combine(fx.Figures, fig.Name + ".png"));
        }
        var d = FigureStyle.Default;
        var plain = Png(FigureStyle.From(d.Width, d.Height, 1, "category10", d.TickLabelSize, d.LineWidth));
        Assert.NotEqual(plain, Png(FigureStyle.From(d.Width, d.Height, 1, "colorblindfriendly", d.TickLabelSize, d.LineWidth)));
        Assert.NotEqual(plain, Png(FigureStyle.From(d.Width, d.Height, 1, "category10", d.TickLabelSize + 2, d.LineWidth)));
        Assert.Contains("palette: 'nope' is not a ScottPlot palette",
            Assert.Throws<ArgumentException>(() => FigureStyle.From(d.Width, d.Height, 1, "nope", d.TickLabelSize, d.LineWidth)).Message);
    }

    [Fact]
    public void Should_Keep_Dashes_In_The_Svg()
    {
        // Skia's SVG canvas drops dash effects; the runner writes them as stroke-dasharray instead
        using var fx = new FixtureCopy();
        var fig = new Fig14NoiseMagnitude("corrected");
        new FigureRunner(FigureStyle.Default).Render(fig, new FigureInputs(fx.Results), fx.Figures, "fixture");
        var svg = File.ReadAllText(Path.Combine(fx.Figures, fig.Name + ".svg"));
        Assert.Contains("stroke-dasharray=", svg);
        Assert.DoesNotContain("stroke-opacity=\"0.996", svg);
    }
}
