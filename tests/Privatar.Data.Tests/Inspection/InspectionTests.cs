using Privatar.Data.Dataset;
using Privatar.Data.Inspection;
using Privatar.Data.Tests.Fixtures;
using Xunit;

namespace Privatar.Data.Tests.Inspection;

public sealed class InspectionTests(TinySubject subject) : IClassFixture<TinySubject>
{
    [Fact]
    public void Should_Count_Everything_And_Find_No_Problem_In_A_Generated_Subject()
    {
        var r = DatasetInspector.Inspect(MultifaceDataset.Open(subject.Root));

        Assert.Empty(r.Problems);
        Assert.Equal((3, 15, 7, 12, 3, 36, 9), (r.Cameras, r.Frames, r.Expressions, r.TrainFrames, r.TestFrames, r.TrainSamples, r.TestSamples));
        Assert.Equal(45, r.SamplesLoaded);
        Assert.Equal((32, 32, 40, 56, 168), (r.TextureWidth, r.TextureHeight, r.PhotoWidth, r.PhotoHeight, r.Vertices));
        Assert.Equal(6, r.AttackFrames);
    }

    [Fact]
    public void Should_Report_A_Missing_Photo_As_A_Problem_Naming_The_File()
    {
        var (dir, root) = subject.Copy();
        using var _ = dir;
        var ds = MultifaceDataset.Open(root);
        var key = ds.Samples(Split.Test, "test")[1];
        var photo = ds.Layout.Photo(key.Expression, key.Camera, key.Frame);
        File.Delete(photo);

        var r = DatasetInspector.Inspect(ds);

        Assert.Equal([$"{photo}: file not found (expected a PNG image)"], r.Problems);
        Assert.Equal(44, r.SamplesLoaded);
    }

    [Fact]
    public void Should_Lay_Out_One_Tile_Of_Four_Cells_Per_Expression()
    {
        var (img, legend) = ContactSheet.Build(MultifaceDataset.Open(subject.Root), cell: 20, tilesPerRow: 4);

        // 6 attack frames in rows of 4: 2 rows; a tile is 4 cells + 3 separators, tiles and rows 4 px apart
        Assert.Equal((4 * (4 * 20 + 3 + 4) + 4, 2 * (20 + 4) + 4), (img.Width, img.Height));
        Assert.Equal(7, legend.Count);
        Assert.Equal("row 2, tile 2: E006_Jaw_Drop_Brows_Up 000111", legend[6]);
        // the first cell (the average texture, 32x32 into 20x20) is not left blank
        Assert.NotEqual(255, img.Pixels[img.Offset(4 + 10, 4 + 10)]);
    }
}
