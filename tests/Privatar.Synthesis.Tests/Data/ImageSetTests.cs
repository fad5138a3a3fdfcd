using Privatar.Core;
using Privatar.Mnist;
using Privatar.Synthesis.Data;
using Privatar.Tests.Shared;

namespace Privatar.Synthesis.Tests.Data;

public sealed class ImageSetTests
{
    static ImageSet Small(int n)
    {
        var px = new float[n * ImageSet.Pixels];
        for (var i = 0; i < px.Length; i++) px[i] = i % 7 / 6f;
        return new ImageSet(px, [.. Enumerable.Range(0, n).Select(i => (long)(i % 10))], "test");
    }

    [Fact]
    public void Should_Round_Trip_The_Exchange_Format()
    {
        using var dir = new Repo.TempDir();
        var set = Small(3);
        set.Save(dir.Path);
        var images = Npy.Read(Path.Combine(dir.Path, ImageSet.ImagesFile));
        Assert.Equal(NpyDType.Float32, images.DType);
        Assert.Equal([3, 1, 28, 28], images.Shape);
        Assert.Equal(NpyDType.Int64, Npy.Read(Path.Combine(dir.Path, ImageSet.LabelsFile)).DType);
        var back = ImageSet.Load(dir.Path);
        Assert.Equal(set.Images, back.Images);
        Assert.Equal(set.Labels, back.Labels);
    }

    [Fact]
    public void Should_Name_The_File_And_Pixel_Outside_The_Unit_Range()
    {
        using var dir = new Repo.TempDir();
        var set = Small(2);
        set.Images[ImageSet.Pixels + 5] = 1.5f;
        set.Save(dir.Path);
        var e = Assert.Throws<InvalidDataException>(() => ImageSet.Load(dir.Path));
        Assert.Contains($"{Path.Combine(dir.Path, ImageSet.ImagesFile)}: value 1.5 of image 1 (pixel 5) is outside [0, 1]", e.Message);
    }

    [Fact]
    public void Should_Reject_A_Wrong_Shape_Dtype_Count_Or_Label()
    {
        using var dir = new Repo.TempDir();
        var images = Path.Combine(dir.Path, ImageSet.ImagesFile);
        var labels = Path.Combine(dir.Path, ImageSet.LabelsFile);
        Npy.Write(images, new float[2 * 784], 2, 784);
        Npy.Write(labels, new long[2], 2);
        Assert.Contains("expected float32 of shape (N, 1, 28, 28), found Float32 (2, 784)",
            Assert.Throws<InvalidDataException>(() => ImageSet.Load(dir.Path)).Message);
        Npy.Write(images, new float[2 * 784], 2, 1, 28, 28);
        Npy.Write(labels, new double[2], 2);
        Assert.Contains($"{labels}: expected int64", Assert.Throws<InvalidDataException>(() => ImageSet.Load(dir.Path)).Message);
        Npy.Write(labels, new long[3], 3);
        Assert.Contains("3 labels but", Assert.Throws<InvalidDataException>(() => ImageSet.Load(dir.Path)).Message);
        Npy.Write(labels, [0L, 10L], 2);
        Assert.Contains("label 10 at index 1 is outside 0..9", Assert.Throws<InvalidDataException>(() => ImageSet.Load(dir.Path)).Message);
        File.Delete(labels);
        Assert.Contains(labels, Assert.Throws<FileNotFoundException>(() => ImageSet.Load(dir.Path)).Message);
    }

    [Fact]
    public void Should_Scale_Idx_Bytes_To_The_Unit_Range()
    {
        var bytes = new byte[2 * 784];
        bytes[0] = 255;
        bytes[784] = 51;
        var set = ImageSet.FromIdx(new LabeledImages(IdxArray.FromBytes(bytes, 2, 28, 28), [7, 3]), "idx");
        Assert.Equal(1f, set.Images[0]);
        Assert.Equal(0.2f, set.Images[784]);
        Assert.Equal([7L, 3L], set.Labels);
        Assert.Equal([3L], set.Select([1]).Labels);
        Assert.Equal(1, set.Take(1).Count);
    }
}
