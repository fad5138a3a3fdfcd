using Privatar.Contracts.Verbs;

namespace Privatar.Data.Generator;

/// <summary>
/// Sizes and seed of the procedural subject. Defaults are the real Multiface sizes ("full"); the pipeline
/// overlays the smoke/functional profiles from cake.config's [data] section. Threads only changes speed.
/// </summary>
public sealed record GeneratorConfig
{
    public int Seed { get; init; } = 20180227;          // generator seed; independent of model seeds
    public int TextureSize { get; init; } = 1024;       // unwrapped textures are square, as in unwrapped_uv_1024
    public int PhotoWidth { get; init; } = 1334;        // portrait photos, 2048 (H) x 1334 (W)
    public int PhotoHeight { get; init; } = 2048;
    public int MeshRows { get; init; } = 74;            // 74 x 99 = 7326 vertices (real mesh: 7306)
    public int MeshCols { get; init; } = 99;
    public int Expressions { get; init; } = 65;         // E001-E065 without E058, plus E074 (the attacks' 65)
    public int FramesPerExpression { get; init; } = 30;
    public int RomFrames { get; init; } = 300;          // range-of-motion test segment
    public int Cameras { get; init; } = 38;             // cameras of subject 6795937
    public int Threads { get; init; } = 0;              // 0 = one per core

    /// <summary>The settings of a <c>data generate</c> contract: the verb and the Data step build the generator from the same record.</summary>
    public static GeneratorConfig From(DataGenerateArgs a) => new()
    {
        Seed = a.Seed, TextureSize = a.TextureSize, PhotoWidth = a.PhotoWidth, PhotoHeight = a.PhotoHeight, MeshRows = a.MeshRows,
        MeshCols = a.MeshCols, Expressions = a.Expressions, FramesPerExpression = a.FramesPerExpression, RomFrames = a.RomFrames,
        Cameras = a.Cameras, Threads = a.Threads,
    };

    public void Validate()
    {
        Check(TextureSize >= 16, nameof(TextureSize), "at least 16");
        Check(PhotoWidth >= 16 && PhotoHeight >= 16, "photo size", "at least 16 x 16");
        Check(MeshRows >= 8 && MeshCols >= 8, "mesh rows/cols", "at least 8 each");
        Check(Expressions >= 1 && Expressions <= ExpressionCatalog.MaxExpressions, nameof(Expressions), $"1..{ExpressionCatalog.MaxExpressions}");
        Check(FramesPerExpression >= 1, nameof(FramesPerExpression), "at least 1");
        Check(RomFrames >= 1, nameof(RomFrames), "at least 1");
        Check(Cameras is >= 1 and <= 64, nameof(Cameras), "1..64");
        Check(Threads >= 0, nameof(Threads), "0 (all cores) or more");
    }

    static void Check(bool ok, string key, string expected)
    {
        if (!ok) throw new ArgumentException($"generator setting '{key}' is out of range: expected {expected}");
    }
}
