using Privatar.Generators.Pate;
using Privatar.Synthesis.Runs;

namespace Privatar.Synthesis.Tests.Runs;

/// <summary>The teacher-ensemble methods in the registry: each reads its own options and rejects the other's.</summary>
public sealed class PateMethodOptionsTests
{
    [Fact]
    public void Should_Build_G_Pate_From_Its_Options()
    {
        var g = Assert.IsType<GPateGenerator>(Methods.Create("g-pate", new MethodOptions(BatchSize: 16, Lr: 0.002, Teachers: 250, Steps: 500, Bins: 7, ThresholdShare: 0.4)));
        Assert.Equal((250, 500, 16, 0.002), (g.Settings.Ensemble.Teachers, g.Settings.Ensemble.Steps, g.Settings.Ensemble.StudentBatch, g.Settings.Ensemble.TeacherLr));
        Assert.Equal((7, 0.4, new GPateSettings(new EnsembleSettings()).ProjectionDims), (g.Settings.Bins, g.Settings.ThresholdShare, g.Settings.ProjectionDims));
    }

    [Fact]
    public void Should_Build_DataLens_And_Reject_A_G_Pate_Option()
    {
        var d = Assert.IsType<DataLensGenerator>(Methods.Create("datalens", new MethodOptions(TopK: 50, Teachers: 100)));
        Assert.Equal((50, 100), (d.Settings.TopK, d.Settings.Ensemble.Teachers));
        var e = Assert.Throws<ArgumentException>(() => Methods.Create("datalens", new MethodOptions(Bins: 5)));
        Assert.Contains("does not read Bins", e.Message);
        Assert.Contains("g-pate", Methods.All);
        Assert.Contains("datalens", Methods.All);
    }
}
