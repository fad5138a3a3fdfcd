using Privatar.Core;
using Privatar.Data.Format;
using Privatar.Results;
using Privatar.Training.Noisy;
using Xunit;

namespace Privatar.Training.Tests.Noisy;

/// <summary>The grid's CSV (header, order, labels, image names) and PNGs on tiny trained models.</summary>
public sealed class ReconstructionGridTests(TrainedTinyModels models) : IClassFixture<TrainedTinyModels>
{
    [Fact]
    public void The_grid_writes_one_png_per_cell_and_a_row_column_image_table()
    {
        using var data = AvatarData.Open(models.Subject.Subject);
        var results = models.Subject.NewDir("results");
        var diag = new double[256, 256];
        for (var i = 0; i < 256; i++) diag[i, i] = 2;
        var noisy = new NoiseCase("dp", "corrected", 1, 0.4, diag, 20, 3);
        GridSource[] columns =
        [
            new("baseline", models.Baseline, NoiseCase.Clean),
            new("partition n=8", models.Partition, NoiseCase.Clean),
            new("partition n=8 + dp MI=1 (corrected)", models.Partition, noisy),
        ];
        var rows = ReconstructionGrid.Write(data, columns, samples: 2, seed: 5, results);

        var lines = File.ReadAllLines(Path.Combine(results, "reconstruction_grid.csv"));
        Assert.Equal("row,column,image", lines[0]);
        Assert.Equal(1 + 2 * 4, lines.Length);
        var keys = ReconstructionGrid.SampleIndices(data.Test.Count, 2).Select(i => data.Test[i]).ToArray();
        var label = $"{keys[0].Expression} {keys[0].Frame} cam {keys[0].Camera}";
        Assert.Equal($"{label},ground truth,reconstruction_grid/r0_c0.png", lines[1]);
        Assert.Equal($"{label},partition n=8 + dp MI=1 (corrected),reconstruction_grid/r0_c3.png", lines[4]);
        Assert.StartsWith($"{keys[1].Expression} {keys[1].Frame} cam {keys[1].Camera},ground truth,reconstruction_grid/r1_c0.png", lines[5]);
        Assert.Equal(rows, ResultCsv.Read(ResultFamilies.ReconstructionGrid, results));
        Assert.Equal(ReconstructionGrid.ImageNames(2, 4), rows.Select(r => r.Image));
        foreach (var r in rows)
        {
            var png = Png.Read(Path.Combine(results, r.Image));
            Assert.Equal((data.Dataset.PhotoWidth, data.Dataset.PhotoHeight), (png.Width, png.Height));
        }
        // The photo is the sample's own photo, quantised to 8 bits; a noised render differs from the clean one.
        var photo = Png.Read(data.Dataset.Layout.Photo(keys[0].Expression, keys[0].Camera, keys[0].Frame));
        Assert.Equal(photo.Pixels, Png.Read(Path.Combine(results, "reconstruction_grid/r0_c0.png")).Pixels);
        Assert.NotEqual(Png.Read(Path.Combine(results, rows[2].Image)).Pixels, Png.Read(Path.Combine(results, rows[3].Image)).Pixels);
    }

    [Fact]
    public void Samples_are_spread_over_the_test_split_and_a_too_large_count_is_refused()
    {
        Assert.Equal([0, 3, 6], ReconstructionGrid.SampleIndices(10, 3));
        var e = Assert.Throws<ArgumentException>(() => ReconstructionGrid.SampleIndices(2, 3));
        Assert.Contains("asked for 3 test samples, the test split has 2", e.Message);
        Assert.Equal(["reconstruction_grid/r0_c0.png", "reconstruction_grid/r0_c1.png", "reconstruction_grid/r1_c0.png", "reconstruction_grid/r1_c1.png"],
            ReconstructionGrid.ImageNames(2, 2));
    }
}
