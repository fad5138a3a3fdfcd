using Privatar.Data.Format;
using Privatar.Data.Tests.Fixtures;
using Xunit;

namespace Privatar.Data.Tests.Format;

public sealed class KrtFileTests
{
    const string TwoCameras =
        "400002\n7000.5 0 667\n0 7001 1024\n0 0 1\n0.1 -0.2 0 0 0\n1 0 0 10\n0 -1 0 20\n0 0 -1 1200\n\n" +
        "400023\n6500 0 660.25\n0 6500 1030\n0 0 1\n0 0 0 0 0\n0 0 1 -5\n0 -1 0 0\n-1 0 0 1100.5\n\n";

    [Fact]
    public void Should_Read_Two_Hand_Written_Cameras_In_File_Order()
    {
        // Given
        using var dir = new TempDir();
        var path = dir.File("KRT", TwoCameras);

        // When
        var cams = KrtFile.Read(path);

        // Then
        Assert.Equal(["400002", "400023"], cams.Select(c => c.Name));
        Assert.Equal([7000.5, 0, 667, 0, 7001, 1024, 0, 0, 1], cams[0].K);
        Assert.Equal([0.1, -0.2, 0, 0, 0], cams[0].Distortion);
        Assert.Equal([1, 0, 0, 10, 0, -1, 0, 20, 0, 0, -1, 1200], cams[0].Rt);
        Assert.Equal(660.25, cams[1].K[2]);
        Assert.Equal(1100.5, cams[1].Rt[11]);
    }

    [Fact]
    public void Should_Write_What_It_Reads()
    {
        // Given
        using var dir = new TempDir();
        var cams = KrtFile.Read(dir.File("KRT", TwoCameras));

        // When
        KrtFile.Write(Path.Combine(dir.Path, "KRT2"), cams);
        var again = KrtFile.Read(Path.Combine(dir.Path, "KRT2"));

        // Then
        Assert.Equal(cams.Select(c => c.Name), again.Select(c => c.Name));
        for (int i = 0; i < cams.Count; i++)
        {
            Assert.Equal(cams[i].K, again[i].K);
            Assert.Equal(cams[i].Rt, again[i].Rt);
        }
    }

    [Fact]
    public void Should_Name_File_Line_And_Matrix_Row_For_A_Bad_Matrix_Line()
    {
        // Given: line 3 (row 2 of K of the first camera) has two numbers and a word
        using var dir = new TempDir();
        var path = dir.File("KRT", TwoCameras.Replace("0 7001 1024", "0 7001 abc"));

        // When
        var e = Assert.Throws<FormatException>(() => KrtFile.Read(path));

        // Then
        Assert.Equal($"{path}:3: expected row 2 of intrinsics K of camera 400002 (3 numbers), 'abc' is not a number", e.Message);
    }

    [Fact]
    public void Should_Name_The_Missing_File()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "KRT");

        var e = Assert.Throws<FileNotFoundException>(() => KrtFile.Read(path));

        Assert.Equal($"{path}: file not found (expected the KRT camera calibration file)", e.Message);
    }
}
