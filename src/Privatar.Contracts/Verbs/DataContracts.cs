using Privatar.Contracts.Codec;

namespace Privatar.Contracts.Verbs;

/// <summary>
/// <c>privatar data generate</c>: the procedural Multiface subject from the [data] keys. The Data step runs the generator
/// in-process from the same record (filled from its declared keys), so by hand <c>--profile smoke</c> writes what the build does.
/// </summary>
public sealed record DataGenerateArgs : IVerbContract
{
    public static IReadOnlyList<string> Verb => ["data", "generate"];
    public static string Description => "Write a procedural Multiface subject in the real on-disk layout";

    [Opt("subject root to (re)write")] public required string Root { get; init; }
    [Opt("generator seed (apart from runtime.seed: the data stays fixed while model seeds vary)", Key = "data.seed", AtLeast = 0)] public int Seed { get; init; }
    [Opt("unwrapped texture size (square)", Key = "data.texture_size", AtLeast = 1)] public int TextureSize { get; init; }
    [Opt("photo width", Key = "data.photo_width", AtLeast = 1)] public int PhotoWidth { get; init; }
    [Opt("photo height", Key = "data.photo_height", AtLeast = 1)] public int PhotoHeight { get; init; }
    [Opt("mesh grid rows", Key = "data.mesh_rows", AtLeast = 1)] public int MeshRows { get; init; }
    [Opt("mesh grid columns", Key = "data.mesh_cols", AtLeast = 1)] public int MeshCols { get; init; }
    [Opt("number of named expressions (max 65)", Key = "data.expressions", AtLeast = 1)] public int Expressions { get; init; }
    [Opt("frames per expression", Key = "data.frames_per_expression", AtLeast = 1)] public int FramesPerExpression { get; init; }
    [Opt("frames of the range-of-motion test segment", Key = "data.rom_frames", AtLeast = 1)] public int RomFrames { get; init; }
    [Opt("number of cameras", Key = "data.cameras", AtLeast = 1)] public int Cameras { get; init; }
    [Opt("worker threads (0 = one per core); does not change the output", Key = "runtime.threads", AtLeast = 0, Stamped = false)] public int Threads { get; init; }
}
