using MathNet.Numerics.LinearAlgebra;

namespace Privatar.Synthesis.Metrics;

/// <summary>Mean and unbiased (N − 1) covariance of feature rows, the Gaussian FID compares.</summary>
public sealed record FeatureStatistics(Vector<double> Mean, Matrix<double> Covariance)
{
    public static FeatureStatistics Of(Matrix<double> features)
    {
        if (features.RowCount < 2) throw new ArgumentException($"feature statistics need at least 2 rows, got {features.RowCount}");
        var mean = features.ColumnSums() / features.RowCount;
        var centred = features.Clone();
        for (var r = 0; r < centred.RowCount; r++) centred.SetRow(r, centred.Row(r) - mean);
        return new FeatureStatistics(mean, centred.TransposeThisAndMultiply(centred) / (features.RowCount - 1));
    }
}
