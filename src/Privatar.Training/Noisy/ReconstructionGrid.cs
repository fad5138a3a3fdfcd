using Privatar.Core;
using Privatar.Torch;
using Privatar.Data.Format;
using Privatar.Results;
using static TorchSharp.torch;

namespace Privatar.Training.Noisy;

/// <summary>One grid column: a trained model (its train folder) and the noise on its offloaded latent (clean: none).</summary>
public sealed record GridSource(string Label, string CheckpointDir, NoiseCase Noise);

/// <summary>
/// The texture and render comparison grid: <c>samples</c> test samples (rows, evenly spaced over the test
/// split) × the ground-truth photo and one render per <see cref="GridSource"/>, each a PNG named by its cell
/// (<c>reconstruction_grid/r&lt;i&gt;_c&lt;j&gt;.png</c>) plus <c>reconstruction_grid.csv</c>, in the results folder.
/// Each model's latent sampling is seeded with <c>seed</c> as the test seeds it; noise uses the column's own seed.
/// </summary>
public static class ReconstructionGrid
{
    public const string Folder = "reconstruction_grid";

    /// <summary>Image paths relative to the results folder, row-major: what a unit declares as outputs.</summary>
    public static IReadOnlyList<string> ImageNames(int samples, int columns) =>
        [.. from i in Enumerable.Range(0, samples) from j in Enumerable.Range(0, columns) select $"{Folder}/r{i}_c{j}.png"];

    /// <summary>Indices of <paramref name="samples"/> test samples spread evenly over <paramref name="count"/>.</summary>
    public static IReadOnlyList<int> SampleIndices(int count, int samples)
    {
        if (samples < 1) throw new ArgumentException($"grid samples: expected at least 1, got {samples}");
        if (count < samples) throw new ArgumentException($"grid samples: asked for {samples} test samples, the test split has {count}");
        return [.. Enumerable.Range(0, samples).Select(i => (int)((long)i * count / samples))];
    }

    public static IReadOnlyList<ReconstructionGridRow> Write(AvatarData data, IReadOnlyList<GridSource> columns, int samples, long seed, string resultsDir)
    {
        var keys = SampleIndices(data.Test.Count, samples).Select(i => data.Test[i]).ToArray();
        var labels = keys.Select(k => $"{k.Expression} {k.Frame} cam {k.Camera}").ToArray();
        var all = new List<(string Column, Tensor Images)>();
        try
        {
            using var batch = data.Batch(keys);
            all.Add(("ground truth", batch.Photo.clone()));
            foreach (var c in columns) all.Add((c.Label, Render(data, batch, c, seed)));
            var rows = new List<ReconstructionGridRow>();
            var names = ImageNames(samples, all.Count);
            for (var i = 0; i < samples; i++)
                for (var j = 0; j < all.Count; j++)
                {
                    var image = names[i * all.Count + j];
                    Png.Write(Path.Combine(resultsDir, image), ToImage(all[j].Images[i]));
                    rows.Add(new ReconstructionGridRow { Row = labels[i], Column = all[j].Column, Image = image });
                }
            ResultCsv.Write(ResultFamilies.ReconstructionGrid, resultsDir, rows);
            return rows;
        }
        finally
        {
            foreach (var (_, t) in all) t.Dispose();
        }
    }

    static Tensor Render(AvatarData data, Models.Training.VaeBatch batch, GridSource c, long seed)
    {
        var info = Checkpoints.ReadInfo(Path.Combine(c.CheckpointDir, "checkpoint.json"));
        random.manual_seed(seed);
        using var model = Checkpoints.Restore(Path.Combine(c.CheckpointDir, "best_model.pt"), info);
        model.eval();
        using var noise = c.Noise.IsClean ? null : new OffloadNoise(c.Noise.Transform, c.Noise.ClipBound, c.Noise.NoiseSeed, c.Noise.Noise);
        using var _ = no_grad();
        return NoGc.Run(() =>
        {
            using var output = NoisyTester.Forward(model, batch, noise);
            using var render = NoisyTester.Render(output, batch, data);
            return render.clamp(0, 1);
        });
    }

    /// <summary>(H, W, 3) in [0, 1] → 8-bit RGB, rounded.</summary>
    public static RgbImage ToImage(Tensor hwc)
    {
        if (hwc.dim() != 3 || hwc.shape[2] != 3) throw new ArgumentException($"grid image: expected (H, W, 3), got [{string.Join(",", hwc.shape)}]");
        using var scaled = (hwc.clamp(0, 1) * 255.0).round().to(ScalarType.Byte).contiguous();
        return new RgbImage((int)hwc.shape[1], (int)hwc.shape[0], scaled.data<byte>().ToArray());
    }
}
