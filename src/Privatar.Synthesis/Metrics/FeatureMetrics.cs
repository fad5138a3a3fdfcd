using MathNet.Numerics.LinearAlgebra;

namespace Privatar.Synthesis.Metrics;

/// <summary>Settings of the feature metrics (defaults: torchmetrics' KID subsets, prdc's k = 5).</summary>
public sealed record FeatureMetricsConfig(int KidSubsets = 100, int KidSubsetSize = 1000, int NearestK = 5, int Seed = 0);

/// <summary>
/// FID, KID and precision/recall/density/coverage of a generated set against real data, all in one feature space.
/// The features are a locally trained CNN's, never Inception's, so the numbers are comparable across our runs but
/// not with published FIDs; <see cref="FeatureSpace"/> says so wherever a value is written.
/// </summary>
public sealed record FeatureMetrics(double Fid, double KidMean, double KidStd, double Precision, double Recall, double Density,
    double Coverage, int RealCount, int GeneratedCount, int KidSubsets, int KidSubsetSize, int NearestK)
{
    public const string FeatureSpace = "local-CNN features, not Inception";

    public static FeatureMetrics Compute(Matrix<double> real, Matrix<double> generated, FeatureMetricsConfig cfg)
    {
        var fid = Metrics.Fid.Compute(FeatureStatistics.Of(real), FeatureStatistics.Of(generated));
        var kid = Kid.Compute(real, generated, cfg.KidSubsets, cfg.KidSubsetSize, cfg.Seed);
        var prdc = Prdc.Compute(real, generated, cfg.NearestK);
        return new FeatureMetrics(fid, kid.Mean, kid.Std, prdc.Precision, prdc.Recall, prdc.Density, prdc.Coverage,
            real.RowCount, generated.RowCount, kid.Subsets, kid.SubsetSize, prdc.K);
    }
}
