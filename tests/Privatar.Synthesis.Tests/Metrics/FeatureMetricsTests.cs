using MathNet.Numerics.LinearAlgebra;
using Privatar.Synthesis.Metrics;

namespace Privatar.Synthesis.Tests.Metrics;

public sealed class FeatureMetricsTests
{
    [Fact]
    public void Should_Report_Every_Metric_And_Its_Settings_And_Rank_A_Closer_Set_Better()
    {
        var random = new Random(3);
        Matrix<double> Cloud(double shift) => Matrix<double>.Build.Dense(300, 4, (_, _) => random.NextDouble() + shift);
        var real = Cloud(0);
        var cfg = new FeatureMetricsConfig(KidSubsets: 10, KidSubsetSize: 100, NearestK: 3, Seed: 1);
        var near = FeatureMetrics.Compute(real, Cloud(0.05), cfg);
        var far = FeatureMetrics.Compute(real, Cloud(0.8), cfg);
        Assert.True(near.Fid < far.Fid && near.KidMean < far.KidMean && near.Precision > far.Precision && near.Coverage > far.Coverage);
        Assert.Equal((300, 300, 10, 100, 3), (near.RealCount, near.GeneratedCount, near.KidSubsets, near.KidSubsetSize, near.NearestK));
        Assert.Equal("local-CNN features, not Inception", FeatureMetrics.FeatureSpace);
    }
}
