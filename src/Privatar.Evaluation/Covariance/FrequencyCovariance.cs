using static TorchSharp.torch;

namespace Privatar.Evaluation.Covariance;

/// <summary>One row of the step-8 table: the two covariance statistics of one BDCT frequency component.</summary>
/// <param name="Component">Frequency index k = 4u + v (natural order), 0..15.</param>
/// <param name="Original">trace(np.cov(X)) with numpy's default rowvar=True, X = [samples, 3·h·w]: the rows (samples)
/// are the variables, so this is Σ over samples of each sample's spatial variance (ddof 1), as the original prints.</param>
/// <param name="Corrected">The trace of the covariance across samples (each of the 3·h·w entries a variable, samples the
/// observations, ddof 1): the total variance of the component between frames and cameras.</param>
/// <param name="Samples">Number of samples T.</param>
public sealed record FrequencyCovarianceRow(int Component, double Original, double Corrected, long Samples);

/// <summary>
/// The frequency covariance analysis (original <c>analyse_run.py</c>): BDCT maps [T, 48, H, W] with channel = 3k + colour,
/// downsampled 1/8 bilinearly, then per component k the [T, 3·h·w] matrix of flattened channels 3k..3k+2.
/// </summary>
public static class FrequencyCovariance
{
    public const int Components = 16;
    public const int Colours = 3;
    public const double DownsampleScale = 1.0 / 8;

    /// <summary>
    /// The original's <c>F.interpolate(x, scale_factor=1/8, mode='bilinear')</c> (align_corners False, no antialias):
    /// for an exact 1/8 factor each output pixel is the mean of the 2x2 input pixels at offsets 3 and 4 of its 8x8 cell.
    /// </summary>
    public static Tensor Downsample(Tensor bdct)
    {
        CheckMaps(bdct, "Downsample");
        return nn.functional.interpolate(bdct, scale_factor: [DownsampleScale, DownsampleScale],
            mode: InterpolationMode.Bilinear, align_corners: false);
    }

    /// <summary>Both statistics for already-downsampled maps [T, 48, h, w] held in memory at once.</summary>
    public static IReadOnlyList<FrequencyCovarianceRow> Compute(Tensor maps)
    {
        using var acc = new FrequencyCovarianceAccumulator();
        acc.Add(maps);
        return acc.Result();
    }

    internal static void CheckMaps(Tensor maps, string where)
    {
        if (maps.dim() != 4 || maps.shape[1] != Components * Colours)
            throw new ArgumentException(
                $"FrequencyCovariance.{where}: expected BDCT maps of shape [T, {Components * Colours}, H, W] (channel = 3k + colour), " +
                $"got [{string.Join(",", maps.shape)}]");
    }
}

/// <summary>
/// Streams samples in batches so that T = 65 frames x 38 cameras never has to be held at once. The original statistic is
/// a sum of per-sample variances; the corrected one merges per-entry means and squared deviations with Chan et al.'s
/// pairwise update, in float64, so the result equals the two-pass value up to rounding.
/// </summary>
public sealed class FrequencyCovarianceAccumulator : IDisposable
{
    readonly double[] _original = new double[FrequencyCovariance.Components];
    Tensor? _mean;   // [48·h·w]
    Tensor? _m2;     // [48·h·w]
    long _count;
    long[]? _mapShape;

    public long Count => _count;

    /// <summary>Adds a batch of downsampled maps [b, 48, h, w]; every batch must have the same h and w.</summary>
    public void Add(Tensor maps)
    {
        FrequencyCovariance.CheckMaps(maps, "Add");
        var shape = maps.shape[1..];
        if (_mapShape is null) _mapShape = shape;
        else if (!_mapShape.SequenceEqual(shape))
            throw new ArgumentException($"FrequencyCovariance.Add: batch maps are [{string.Join(",", shape)}], earlier ones [{string.Join(",", _mapShape)}]");
        var b = maps.shape[0];
        if (b == 0) return;
        var perComponent = FrequencyCovariance.Colours * shape[1] * shape[2];
        if (perComponent < 2) throw new ArgumentException("FrequencyCovariance.Add: a component map needs at least 2 entries for a variance");

        using var scope = NewDisposeScope();
        var x = maps.to(ScalarType.Float64).reshape(b, FrequencyCovariance.Components, perComponent);
        // Original: var over each sample's component map (ddof 1), summed over samples.
        var rowDev = x - x.mean([2], keepdim: true);
        var rowVar = (rowDev.square().sum([2]) / (perComponent - 1)).sum([0]).data<double>().ToArray();
        for (var k = 0; k < rowVar.Length; k++) _original[k] += rowVar[k];

        // Corrected: merge this batch's per-entry mean and M2 into the running totals.
        var flat = x.reshape(b, -1);
        var batchMean = flat.mean([0]);
        var batchM2 = (flat - batchMean).square().sum([0]);
        if (_mean is null)
        {
            _mean = batchMean.MoveToOuterDisposeScope();
            _m2 = batchM2.MoveToOuterDisposeScope();
        }
        else
        {
            var n = (double)(_count + b);
            var delta = batchMean - _mean;
            var mean = _mean + delta * (b / n);
            var m2 = _m2! + batchM2 + delta.square() * (_count * (double)b / n);
            _mean.Dispose();
            _m2!.Dispose();
            _mean = mean.MoveToOuterDisposeScope();
            _m2 = m2.MoveToOuterDisposeScope();
        }
        _count += b;
    }

    /// <summary>The 16 rows; needs at least two samples for the across-sample covariance.</summary>
    public IReadOnlyList<FrequencyCovarianceRow> Result()
    {
        if (_count < 2 || _m2 is null)
            throw new InvalidOperationException($"FrequencyCovariance: need at least 2 samples, got {_count}");
        using var perEntry = _m2.reshape(FrequencyCovariance.Components, -1).sum([1]) / (_count - 1);
        var corrected = perEntry.data<double>().ToArray();
        return Enumerable.Range(0, FrequencyCovariance.Components)
            .Select(k => new FrequencyCovarianceRow(k, _original[k], corrected[k], _count))
            .ToArray();
    }

    public void Dispose()
    {
        _mean?.Dispose();
        _m2?.Dispose();
    }
}
