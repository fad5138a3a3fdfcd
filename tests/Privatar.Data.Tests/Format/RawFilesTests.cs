using Privatar.Data.Format;
using Privatar.Data.Tests.Fixtures;
using Xunit;

namespace Privatar.Data.Tests.Format;

public sealed class RawFilesTests
{
    [Fact]
    public void Should_Read_Little_Endian_Float32_Values()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "v.bin");
        File.WriteAllBytes(path, [0, 0, 0x80, 0x3F, 0, 0, 0, 0xC0, 0, 0, 0x20, 0x41]); // 1, -2, 10

        Assert.Equal([1f, -2f, 10f], RawFiles.ReadFloats(path, 3, "test"));
        Assert.Equal([1f, -2f, 10f], RawFiles.ReadVertexFloats(path));
    }

    [Fact]
    public void Should_Report_A_Truncated_Bin_With_Sizes_And_Their_Source()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "000102.bin");
        File.WriteAllBytes(path, new byte[10]);

        var e = Assert.Throws<InvalidDataException>(() => RawFiles.ReadFloats(path, 6, "2 vertices x 3, from vert_mean.bin"));

        Assert.Equal($"{path}: 10 bytes, expected 6 float32 values = 24 bytes (2 vertices x 3, from vert_mean.bin); the file is truncated", e.Message);
    }

    [Fact]
    public void Should_Reject_An_Empty_Frame_List()
    {
        using var dir = new TempDir();
        var path = dir.File("frame_list.txt", "\n  \n");

        var e = Assert.Throws<InvalidDataException>(() => RawFiles.ReadFrameList(path));

        Assert.Equal($"{path}: the frame list is empty; expected at least one '<EXPRESSION> <FRAME>' line", e.Message);
    }

    [Fact]
    public void Should_Parse_Frame_Lists_Transforms_And_Scalars()
    {
        using var dir = new TempDir();
        var frames = RawFiles.ReadFrameList(dir.File("f.txt", "E001_Neutral_Eyes_Open 000102\n\nE057_Cheeks_Puffed 021897"));
        var m = RawFiles.ReadTransform(dir.File("t.txt", "1 0 0 1.5\n0 1 0 -2\n0 0 1 3e2\n"));
        var v = RawFiles.ReadScalar(dir.File("var.txt", "2.25\n"), "the variance");

        Assert.Equal([new FrameRef("E001_Neutral_Eyes_Open", "000102"), new FrameRef("E057_Cheeks_Puffed", "021897")], frames);
        Assert.Equal([1, 0, 0, 1.5, 0, 1, 0, -2, 0, 0, 1, 300], m);
        Assert.Equal(2.25, v);
    }

    [Fact]
    public void Should_Name_The_Line_Of_A_Bad_Frame_List_Entry()
    {
        using var dir = new TempDir();
        var path = dir.File("f.txt", "E001 000102\nE002\n");

        var e = Assert.Throws<FormatException>(() => RawFiles.ReadFrameList(path));

        Assert.Equal($"{path}:2: expected '<EXPRESSION> <FRAME>', found 'E002'", e.Message);
    }
}
