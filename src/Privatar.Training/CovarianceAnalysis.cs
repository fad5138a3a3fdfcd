using Privatar.Data.Dataset;
using Privatar.Evaluation.Covariance;
using Privatar.Models;
using static TorchSharp.torch;
using ResultRow = Privatar.Results.FrequencyCovarianceRow;

namespace Privatar.Training;

/// <summary>
/// The Covariance step (the original's analyse_run.py): for every attack frame (one per expression) seen from every camera of the
/// "test" set, the normalised average texture is BDCT-transformed (48 channels, channel = 3k + colour), downsampled
/// 1/8 bilinearly and accumulated; the result is, per component, the original's row-variable statistic and the
/// corrected across-sample covariance trace, as 16 rows per fidelity.
/// </summary>
public static class CovarianceAnalysis
{
    public static IReadOnlyList<ResultRow> Run(MultifaceDataset ds, int batchSize = 16)
    {
        var cams = ds.CameraSet("test");
        var keys = ds.Samples(ds.AttackFrames, cams);
        if (keys.Count < 2) throw new InvalidDataException($"{ds.Layout.Root}: the covariance needs at least 2 attack samples, found {keys.Count}");
        using var acc = new FrequencyCovarianceAccumulator();
        int t = ds.TextureWidth;
        foreach (var chunk in keys.Chunk(batchSize))
        {
            // No dispose scope here: the accumulator allocates its running state on the first Add.
            using var avg = tensor(chunk.SelectMany(k => ds.Load(k, withPhoto: false).AverageTexture).ToArray(), new long[] { chunk.Length, 3, t, t });
            using var d = BlockDct.Forward(avg);                                 // (b, 16, 3, G, G)
            using var maps = d.reshape(chunk.Length, 48, d.shape[3], d.shape[4]);
            using var small = FrequencyCovariance.Downsample(maps);
            acc.Add(small);
        }
        var rows = acc.Result();
        double totalOriginal = rows.Sum(r => r.Original), totalCorrected = rows.Sum(r => r.Corrected);
        return rows.Select(r => new ResultRow { Fidelity = "original", Component = r.Component, Value = r.Original, Share = r.Original / totalOriginal, Samples = r.Samples })
            .Concat(rows.Select(r => new ResultRow { Fidelity = "corrected", Component = r.Component, Value = r.Corrected, Share = r.Corrected / totalCorrected, Samples = r.Samples }))
            .ToList();
    }
}
