using Xunit;

namespace Privatar.Core.Tests;

public sealed class PngTests : IDisposable
{
    readonly string _dir = Directory.CreateTempSubdirectory("png-tests-").FullName;
    public void Dispose() => Directory.Delete(_dir, recursive: true);

    static RgbImage Gradient(int w, int h)
    {
        var img = new RgbImage(w, h);
        for (int y = 0; y < h; y++)
            for (int x = 0; x < w; x++) img.Set(x, y, (byte)(x * 7), (byte)(y * 13), (byte)(x * y));
        return img;
    }

    [Fact]
    public void Should_Decode_What_It_Encodes_With_Identical_Bytes_Each_Time()
    {
        var img = Gradient(17, 9);

        var a = Png.Encode(img);
        var b = Png.Encode(Gradient(17, 9));
        var back = Png.Decode(a);

        Assert.Equal(a, b);
        Assert.Equal((17, 9), (back.Width, back.Height));
        Assert.Equal(img.Pixels, back.Pixels);
    }

    [Fact]
    public void Should_Report_A_Png_Of_The_Wrong_Size_With_The_Expected_Size_And_Its_Source()
    {
        var path = Path.Combine(_dir, "000102.png");
        Png.Write(path, Gradient(16, 8));

        var e = Assert.Throws<InvalidDataException>(() => Png.Read(path, 32, 32, "the size of tex_mean.png"));

        Assert.Equal($"{path}: image is 16x8 (WxH), expected 32x32 (the size of tex_mean.png)", e.Message);
    }

    [Fact]
    public void Should_Name_The_File_When_The_Png_Is_Corrupt()
    {
        var path = Path.Combine(_dir, "x.png");
        var bytes = Png.Encode(Gradient(4, 4));
        File.WriteAllBytes(path, bytes[..40]);

        var e = Assert.Throws<InvalidDataException>(() => Png.Read(path));

        Assert.StartsWith($"{path}: truncated PNG", e.Message);
    }
}
