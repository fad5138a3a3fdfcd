namespace Privatar.Mnist.Tests;

public sealed class LabeledImagesTests
{
    [Fact]
    public void Should_Load_A_Synthetic_Mnist_Directory()
    {
        using var dir = new TempDir();
        WriteSplit(dir, MnistDataset.TrainImages, MnistDataset.TrainLabels, 5);
        WriteSplit(dir, MnistDataset.TestImages, MnistDataset.TestLabels, 3);
        var data = MnistDataset.Load(dir.Path);
        Assert.Equal(5, data.Train.Count);
        Assert.Equal(3, data.Test.Count);
        Assert.Equal(28, data.Train.Height);
        Assert.Equal([0, 1, 2, 3, 4], data.Train.Labels);
        Assert.Equal(2, data.Train.Take(2).Count);
        Assert.Equal(2 * 28 * 28, data.Train.Take(2).Images.Data.Length);
    }

    [Fact]
    public void Should_Reject_Label_Count_Mismatch()
    {
        using var dir = new TempDir();
        IdxFile.Write(dir.File("i"), IdxArray.FromBytes(new byte[4 * 4 * 4], 4, 4, 4));
        IdxFile.Write(dir.File("l"), IdxArray.FromBytes(new byte[3], 3));
        var e = Assert.Throws<InvalidDataException>(() => LabeledImages.Load(dir.File("i"), dir.File("l")));
        Assert.Contains("3 labels but", e.Message);
    }

    [Fact]
    public void Should_Reject_Out_Of_Range_Label()
    {
        using var dir = new TempDir();
        IdxFile.Write(dir.File("i"), IdxArray.FromBytes(new byte[2 * 4 * 4], 2, 4, 4));
        IdxFile.Write(dir.File("l"), IdxArray.FromBytes([1, 12], 2));
        var e = Assert.Throws<InvalidDataException>(() => LabeledImages.Load(dir.File("i"), dir.File("l")));
        Assert.Contains("label 12 at index 1 is outside 0..9", e.Message);
    }

    [Fact]
    public void Should_Point_To_Fetch_When_Directory_Missing()
    {
        var e = Assert.Throws<DirectoryNotFoundException>(() => MnistDataset.Load("/nonexistent/mnist"));
        Assert.Contains("privatar mnist fetch", e.Message);
    }

    static void WriteSplit(TempDir dir, string images, string labels, int n)
    {
        var pixels = new byte[n * 28 * 28];
        for (var i = 0; i < pixels.Length; i++) pixels[i] = (byte)(i % 256);
        IdxFile.Write(dir.File(images), IdxArray.FromBytes(pixels, n, 28, 28));
        IdxFile.Write(dir.File(labels), IdxArray.FromBytes(Enumerable.Range(0, n).Select(i => (byte)(i % 10)).ToArray(), n));
    }
}
