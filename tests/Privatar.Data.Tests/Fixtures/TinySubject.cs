using Privatar.Data.Generator;

namespace Privatar.Data.Tests.Fixtures;

/// <summary>One tiny generated subject shared by a test class; tests that damage files work on a <see cref="Copy"/>.</summary>
public sealed class TinySubject : IDisposable
{
    public static readonly GeneratorConfig Config = new()
    {
        Seed = 7, TextureSize = 32, PhotoWidth = 40, PhotoHeight = 56, MeshRows = 12, MeshCols = 14,
        Expressions = 6, FramesPerExpression = 2, RomFrames = 3, Cameras = 3, Threads = 2,
    };

    readonly TempDir _dir = new();

    public TinySubject()
    {
        Root = Path.Combine(_dir.Path, "subject");
        MultifaceGenerator.Generate(Config, Root);
    }

    public string Root { get; }

    /// <summary>A copy of the subject in a new temp dir (the caller disposes it).</summary>
    public (TempDir Dir, string Root) Copy()
    {
        var dir = new TempDir();
        var dst = Path.Combine(dir.Path, "subject");
        foreach (var f in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(dst, Path.GetRelativePath(Root, f));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(f, target);
        }
        return (dir, dst);
    }

    public void Dispose() => _dir.Dispose();
}
