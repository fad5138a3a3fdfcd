using Privatar.Core;
using Privatar.Data.Dataset;
using Privatar.Data.Format;
using Privatar.Data.Tests.Fixtures;
using Xunit;

namespace Privatar.Data.Tests.Dataset;

/// <summary>Damaged copies of a generated subject: each error names the file and what was expected.</summary>
public sealed class DatasetErrorTests(TinySubject subject) : IClassFixture<TinySubject>
{
    [Fact]
    public void Should_Name_A_Missing_Vertex_Mean()
    {
        var (dir, root) = subject.Copy();
        using var _ = dir;
        var path = new MultifaceLayout(root).VertMean;
        File.Delete(path);

        var e = Assert.Throws<FileNotFoundException>(() => MultifaceDataset.Open(root));

        Assert.Equal($"{path}: file not found (expected float32 x,y,z per vertex)", e.Message);
    }

    [Fact]
    public void Should_Report_A_Truncated_Mesh_Bin_On_Load()
    {
        var (dir, root) = subject.Copy();
        using var _ = dir;
        var ds = MultifaceDataset.Open(root);
        var key = ds.Samples(Split.Train, "train")[0];
        var bin = ds.Layout.MeshBin(key.Expression, key.Frame);
        var bytes = File.ReadAllBytes(bin);
        File.WriteAllBytes(bin, bytes[..(bytes.Length - 6)]);

        var e = Assert.Throws<InvalidDataException>(() => ds.Load(key));

        int n = ds.VertexCount * 3;
        Assert.Equal($"{bin}: {bytes.Length - 6} bytes, expected {n} float32 values = {n * 4} bytes ({ds.VertexCount} vertices x 3, from {ds.Layout.VertMean}); the file is truncated", e.Message);
    }

    [Fact]
    public void Should_Report_A_Texture_Of_The_Wrong_Size_On_Load()
    {
        var (dir, root) = subject.Copy();
        using var _ = dir;
        var ds = MultifaceDataset.Open(root);
        var key = ds.Samples(Split.Test, "test")[0];
        var tex = ds.Layout.Texture(key.Expression, key.Camera, key.Frame);
        Png.Write(tex, new RgbImage(16, 16));

        var e = Assert.Throws<InvalidDataException>(() => ds.Load(key));

        Assert.Equal($"{tex}: image is 16x16 (WxH), expected 32x32 (the size of {ds.Layout.TexMean})", e.Message);
    }

    [Fact]
    public void Should_Reject_An_Empty_Frame_List_On_Open()
    {
        var (dir, root) = subject.Copy();
        using var _ = dir;
        var path = new MultifaceLayout(root).FrameList;
        File.WriteAllText(path, "");

        var e = Assert.Throws<InvalidDataException>(() => MultifaceDataset.Open(root));

        Assert.Equal($"{path}: the frame list is empty; expected at least one '<EXPRESSION> <FRAME>' line", e.Message);
    }

    [Fact]
    public void Should_Reject_A_Camera_Set_Naming_A_Camera_Not_In_The_Krt()
    {
        var (dir, root) = subject.Copy();
        using var _ = dir;
        var layout = new MultifaceLayout(root);
        File.WriteAllText(layout.CameraSplitConfig, "{\"full\": {\"train\": [\"400999\"], \"test\": []}}");

        var e = Assert.Throws<InvalidDataException>(() => MultifaceDataset.Open(root));

        Assert.Equal($"{layout.CameraSplitConfig}: camera '400999' of set 'train' is not in {layout.Krt}", e.Message);
    }
}
