using Privatar.Evaluation.Covariance;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Evaluation.Tests;

public sealed class FrequencyCovarianceTests
{
    // maps[t,ch,p,q] = sin(0.7t² + 0.31ch + 1.7p + 0.9q)·(1 + ch/3) + 0.25t (integer ch/3), shape [5, 48, 3, 2].
    static Tensor Maps()
    {
        var data = new double[5 * 48 * 3 * 2];
        var n = 0;
        for (var t = 0; t < 5; t++)
        for (var ch = 0; ch < 48; ch++)
        for (var p = 0; p < 3; p++)
        for (var q = 0; q < 2; q++)
            data[n++] = Math.Sin(0.7 * t * t + 0.31 * ch + 1.7 * p + 0.9 * q) * (1 + ch / 3) + 0.25 * t;
        return tensor(data, [5, 48, 3, 2]);
    }

    // numpy 1.24.2, for comp in range(16): X = maps[:, 3comp:3comp+3].reshape(5, -1);
    // Original = np.trace(np.cov(X)); Corrected = np.trace(np.cov(X, rowvar=False)).
    static readonly double[] NumpyOriginal =
    [
        2.5705647809684207, 10.912776435635413, 21.245776231502965, 38.60250028744781, 68.76351652495268, 90.20895595804272,
        113.06809710908018, 170.58240102590017, 215.42268281592658, 230.5015772578487, 304.0777133985258, 395.84312704768735,
        406.67338575266405, 463.71013223122134, 614.5915638259296, 656.241319189844,
    ];
    static readonly double[] NumpyCorrected =
    [
        12.861399421382357, 44.81981223454683, 87.84078668368173, 149.34080617344847, 243.2165520396162, 332.2837366281054,
        439.5184919699782, 628.9857709616801, 799.5273889131805, 908.5345780320804, 1132.9302882606592, 1405.5832481944105,
        1538.0701935820691, 1782.0931982170714, 2226.821571715389, 2454.1100108387645,
    ];

    [Fact]
    public void Should_Match_NumPy_For_Both_Statistics_And_Show_They_Differ()
    {
        using var maps = Maps();
        var rows = FrequencyCovariance.Compute(maps);
        Assert.Equal(16, rows.Count);
        for (var k = 0; k < 16; k++)
        {
            Assert.Equal(k, rows[k].Component);
            Assert.Equal(5, rows[k].Samples);
            Assert.Equal(NumpyOriginal[k], rows[k].Original, 1e-9 * NumpyOriginal[k]);
            Assert.Equal(NumpyCorrected[k], rows[k].Corrected, 1e-9 * NumpyCorrected[k]);
            Assert.True(rows[k].Corrected > 2 * rows[k].Original, $"component {k}: the two statistics should differ");
        }
    }

    [Fact]
    public void Should_Give_The_Same_Result_When_Streamed_In_Batches()
    {
        using var maps = Maps();
        using var acc = new FrequencyCovarianceAccumulator();
        acc.Add(maps[..2]);
        acc.Add(maps[2..3]);
        acc.Add(maps[3..]);
        var rows = acc.Result();
        for (var k = 0; k < 16; k++)
        {
            Assert.Equal(NumpyOriginal[k], rows[k].Original, 1e-9 * NumpyOriginal[k]);
            Assert.Equal(NumpyCorrected[k], rows[k].Corrected, 1e-9 * NumpyCorrected[k]);
        }
    }

    [Fact]
    public void Should_Downsample_By_Eight_As_Bilinear_Without_Align_Corners()
    {
        // Given a 16x16 map per channel; for an exact 1/8 bilinear (align_corners False) output (i, j) samples input
        // coordinate 8i + 3.5, i.e. the mean of rows 8i+3, 8i+4 and columns 8j+3, 8j+4.
        using var x = arange(2 * 48 * 16 * 16, ScalarType.Float64).reshape(2, 48, 16, 16).sin();
        using var d = FrequencyCovariance.Downsample(x);
        Assert.Equal(new long[] { 2, 48, 2, 2 }, d.shape);
        for (var i = 0; i < 2; i++)
        for (var j = 0; j < 2; j++)
        {
            var expected = (x[1, 5, 8 * i + 3, 8 * j + 3].item<double>() + x[1, 5, 8 * i + 3, 8 * j + 4].item<double>()
                          + x[1, 5, 8 * i + 4, 8 * j + 3].item<double>() + x[1, 5, 8 * i + 4, 8 * j + 4].item<double>()) / 4;
            Assert.Equal(expected, d[1, 5, i, j].item<double>(), 12);
        }
    }

    [Fact]
    public void Should_Reject_Maps_Without_48_Channels_And_Too_Few_Samples()
    {
        using var bad = zeros(4, 47, 2, 2);
        Assert.Contains("[T, 48, H, W]", Assert.Throws<ArgumentException>(() => FrequencyCovariance.Compute(bad)).Message);
        using var one = zeros(1, 48, 2, 2);
        Assert.Contains("at least 2 samples", Assert.Throws<InvalidOperationException>(() => FrequencyCovariance.Compute(one)).Message);
    }
}
