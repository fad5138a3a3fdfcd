using Privatar.Data.Generator;

namespace Privatar.Training.Tests.Fixtures;

/// <summary>One procedural subject (64² textures, 48x64 photos, 3 cameras, 4 expressions) shared by the tests of a class.</summary>
public sealed class TinySubject : IDisposable
{
    public TinySubject()
    {
        Root = Path.Combine(Path.GetTempPath(), "privatar-training-tests-" + Guid.NewGuid().ToString("N"));
        MultifaceGenerator.Generate(Config, Path.Combine(Root, "subject"));
        TorchSharp.torch.set_num_threads(1);
    }

    public static GeneratorConfig Config { get; } = new()
    {
        TextureSize = 64, PhotoWidth = 48, PhotoHeight = 64, MeshRows = 12, MeshCols = 12,
        Expressions = 4, FramesPerExpression = 3, RomFrames = 3, Cameras = 3, Threads = 2,
    };

    public string Root { get; }
    public string Subject => Path.Combine(Root, "subject");

    public string NewDir(string name)
    {
        var d = Path.Combine(Root, name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(d);
        return d;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { }
    }
}
