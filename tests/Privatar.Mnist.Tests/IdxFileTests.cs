namespace Privatar.Mnist.Tests;

public sealed class IdxFileTests
{
    // A 2x2x3 ubyte tensor: magic 0x00000803, dims 2, 2, 3, then 12 bytes.
    static byte[] Valid() =>
        [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0, 3, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12];

    [Fact]
    public void Should_Parse_Dims_And_Data_Of_A_Valid_File()
    {
        var array = IdxFile.Parse(Valid(), "x.idx");
        Assert.Equal(IdxType.UInt8, array.Type);
        Assert.Equal([2, 2, 3], array.Dims);
        Assert.Equal(12, array.Data.Length);
        Assert.Equal(12f, array.ToFloats()[11]);
    }

    [Fact]
    public void Should_Reject_Bad_Magic_Naming_The_File()
    {
        var bytes = Valid();
        bytes[0] = 0x1F;   // gzip's first byte
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Parse(bytes, "train-images"));
        Assert.Contains("train-images", e.Message);
        Assert.Contains("bad IDX magic", e.Message);
    }

    [Fact]
    public void Should_Reject_Unknown_Type_Code()
    {
        var bytes = Valid();
        bytes[2] = 0x0A;
        Assert.Contains("bad IDX magic", Assert.Throws<InvalidDataException>(() => IdxFile.Parse(bytes, "f")).Message);
    }

    [Fact]
    public void Should_Reject_Truncated_Data_With_Sizes()
    {
        var bytes = Valid()[..^1];
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Parse(bytes, "labels.idx"));
        Assert.Contains("labels.idx: truncated IDX data: 11 bytes after the header, expected 12", e.Message);
    }

    [Fact]
    public void Should_Reject_Truncated_Header()
    {
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Parse(Valid()[..10], "h.idx"));
        Assert.Contains("h.idx: truncated IDX header", e.Message);
    }

    [Fact]
    public void Should_Reject_Trailing_Bytes()
    {
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Parse([.. Valid(), 0], "t.idx"));
        Assert.Contains("1 trailing bytes", e.Message);
    }

    [Fact]
    public void Should_Reject_Wrong_Dims_When_Expected_Given()
    {
        using var dir = new TempDir();
        var path = dir.File("a.idx");
        File.WriteAllBytes(path, Valid());
        var e = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path, IdxType.UInt8, null, 28, 28));
        Assert.Contains($"{path}: dimension 1 is 2, expected 28", e.Message);
        var rank = Assert.Throws<InvalidDataException>(() => IdxFile.Read(path, IdxType.UInt8, (int?)null));
        Assert.Contains("expected 1 dimension(s), found 3", rank.Message);
    }

    [Fact]
    public void Should_Round_Trip_Float32_Big_Endian()
    {
        using var dir = new TempDir();
        var path = dir.File("f.idx");
        IdxFile.Write(path, IdxArray.FromFloats([1.5f, -2.25f, 0f, 3e-3f], 2, 2));
        var raw = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0, 0, 0x0D, 2 }, raw[..4]);
        Assert.Equal(new byte[] { 0x3F, 0xC0, 0, 0 }, raw[12..16]);   // 1.5f big-endian
        Assert.Equal([1.5f, -2.25f, 0f, 3e-3f], IdxFile.Read(path).ToFloats());
    }

    [Fact]
    public void Should_Name_A_Missing_File()
    {
        var e = Assert.Throws<FileNotFoundException>(() => IdxFile.Read("/nonexistent/x-idx3-ubyte"));
        Assert.Contains("/nonexistent/x-idx3-ubyte", e.Message);
    }
}
