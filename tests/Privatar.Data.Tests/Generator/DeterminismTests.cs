using Privatar.Data.Generator;
using Privatar.Data.Tests.Fixtures;
using Xunit;

namespace Privatar.Data.Tests.Generator;

public sealed class DeterminismTests(TinySubject subject) : IClassFixture<TinySubject>
{
    static Dictionary<string, byte[]> Tree(string root) =>
        Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllBytes);

    [Fact]
    public void Should_Write_Byte_Identical_Trees_For_The_Same_Seed_Whatever_The_Thread_Count()
    {
        // Given: the fixture was generated with 2 threads
        using var dir = new TempDir();
        var root = Path.Combine(dir.Path, "again");

        // When
        MultifaceGenerator.Generate(TinySubject.Config with { Threads = 1 }, root);

        // Then
        var a = Tree(subject.Root);
        var b = Tree(root);
        Assert.Equal(a.Keys.Order(), b.Keys.Order());
        Assert.All(a, kv => Assert.True(kv.Value.AsSpan().SequenceEqual(b[kv.Key]), $"{kv.Key} differs"));
    }

    [Fact]
    public void Should_Write_Different_Data_For_Another_Seed()
    {
        using var dir = new TempDir();
        var root = Path.Combine(dir.Path, "other");

        MultifaceGenerator.Generate(TinySubject.Config with { Seed = 8 }, root);

        Assert.NotEqual(File.ReadAllBytes(Path.Combine(subject.Root, "tex_mean.png")), File.ReadAllBytes(Path.Combine(root, "tex_mean.png")));
    }

    [Fact]
    public void Should_Write_Exactly_The_Declared_Outputs_And_Replace_Its_Own_Tree()
    {
        // Given: an earlier, larger subject in the same place
        using var dir = new TempDir();
        var root = Path.Combine(dir.Path, "s");
        MultifaceGenerator.Generate(TinySubject.Config with { Cameras = 4 }, root);

        // When
        MultifaceGenerator.Generate(TinySubject.Config, root);

        // Then: the top level is exactly the declared outputs, and no file of the old fourth camera survives
        var top = Directory.EnumerateFileSystemEntries(root).Select(p => Path.GetFileName(p) + (Directory.Exists(p) ? "/" : ""));
        Assert.Equal(MultifaceGenerator.Outputs.Order(StringComparer.Ordinal), top.Order(StringComparer.Ordinal));
        Assert.Equal(Tree(subject.Root).Keys.Order(), Tree(root).Keys.Order());
        Assert.False(Directory.Exists(root + ".partial"));
    }

    [Fact]
    public void Should_List_Every_File_It_Writes_Before_Writing_It()
    {
        var declared = MultifaceGenerator.OutputFiles(TinySubject.Config);

        var written = Tree(subject.Root).Keys.Select(k => k.Replace('\\', '/')).Order(StringComparer.Ordinal);

        Assert.Equal(written, declared);
        Assert.Equal(10 + 15 * (4 + 2 * 3), declared.Count);   // 10 top-level files; per frame 4 + 2 per camera
    }

    [Fact]
    public void Should_Refuse_To_Replace_A_Folder_It_Did_Not_Write()
    {
        using var dir = new TempDir();
        var root = Path.Combine(dir.Path, "real");
        dir.File("real/KRT", "400002\n");

        var e = Assert.Throws<InvalidOperationException>(() => MultifaceGenerator.Generate(TinySubject.Config, root));

        Assert.Equal($"{root}: exists, is not empty and has no {MultifaceGenerator.MarkerFile}; refusing to replace data the generator did not write", e.Message);
        Assert.True(File.Exists(Path.Combine(root, "KRT")));
    }
}
