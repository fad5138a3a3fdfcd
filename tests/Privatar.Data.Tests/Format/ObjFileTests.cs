using Privatar.Data.Format;
using Privatar.Data.Tests.Fixtures;
using Xunit;

namespace Privatar.Data.Tests.Format;

public sealed class ObjFileTests
{
    // A unit square: 4 vertices, 5 texture coordinates (one unused), two triangles, a comment and a normal line.
    const string Square =
        "# square\nv 0 0 0\nv 1 0 0\nv 1 1 0.5\nv 0 1 0\nvn 0 0 1\nvt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\nvt 0.5 0.5\n" +
        "f 1/1 2/2 3/3\nf 1/1 3/3/1 4/4\n";

    [Fact]
    public void Should_Read_Topology_Zero_Indexed_And_Positions()
    {
        // Given
        using var dir = new TempDir();
        var path = dir.File("000102.obj", Square);

        // When
        var (topo, pos) = ObjFile.Read(path);

        // Then
        Assert.Equal(4, topo.VertexCount);
        Assert.Equal(5, topo.UvCount);
        Assert.Equal([0, 1, 2, 0, 2, 3], topo.VertIds);
        Assert.Equal([0, 1, 2, 0, 2, 3], topo.UvIds);
        Assert.Equal([1f, 1f], topo.Uvs.Skip(4).Take(2));
        Assert.Equal([1f, 1f, 0.5f], pos.Skip(6).Take(3));
    }

    [Fact]
    public void Should_Round_Trip_Through_Its_Writer()
    {
        using var dir = new TempDir();
        var (topo, pos) = ObjFile.Read(dir.File("a.obj", Square));

        ObjFile.Write(Path.Combine(dir.Path, "b.obj"), topo, pos);
        var (topo2, pos2) = ObjFile.Read(Path.Combine(dir.Path, "b.obj"));

        Assert.Equal(topo.VertIds, topo2.VertIds);
        Assert.Equal(topo.Uvs, topo2.Uvs);
        Assert.Equal(pos, pos2);
    }

    [Fact]
    public void Should_Name_File_Line_And_Range_For_An_Out_Of_Range_Face_Index()
    {
        // Given: the second face (line 13) refers to vertex 5 of 4
        using var dir = new TempDir();
        var path = dir.File("bad.obj", Square.Replace("f 1/1 3/3/1 4/4", "f 1/1 3/3 5/4"));

        // When
        var e = Assert.Throws<InvalidDataException>(() => ObjFile.Read(path));

        // Then
        Assert.Equal($"{path}:13: face vertex index 5 is out of range; expected 1..4 (the file has 4 'v' lines)", e.Message);
    }
}
