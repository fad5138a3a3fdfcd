using Privatar.Data.Format;

namespace Privatar.Data.Dataset;

/// <summary>Which of the two splits: TEST keeps only the test-segment prefixes, TRAIN excludes them.</summary>
public enum Split { Train, Test }

/// <summary>One sample of the original loader: an (expression, frame) seen from one camera.</summary>
public sealed record SampleKey(string Expression, string Frame, string Camera);

/// <summary>
/// The fields of the original <c>__getitem__</c>, as flat float32 arrays (shapes in the comments; the
/// texture size comes from <see cref="MultifaceDataset.TextureWidth"/> and friends).
/// </summary>
public sealed record MultifaceSample(
    SampleKey Key,
    int CameraIndex,        // index of the camera in KRT order (the `cam` of colour correction)
    float[] AverageTexture, // 3 x S x S (S = SampleTextureSize): rows flipped, (x - texmean) / texstd, raw-zero texels 0, resized
    float[] Texture,        // 3 x S x S: per-view texture, same normalization (ground truth)
    float[] Mask,           // 3 x S x S: 1 - resize([raw == 0]): 1 where the per-view texel is valid
    float[] Vertices,       // V x 3: (verts - vertmean) / vertstd
    float[] View,           // 3: unit camera direction in the head frame
    float[] M,              // 3 x 4: K [R_C R_f | R_C t_f + t_C]
    float[] Transform,      // 3 x 4: head pose [R_f | t_f]
    float[] Photo);         // H x W x 3 in [0, 1], or empty when loaded without photos

/// <summary>Where a setting of the dataset came from (a file, the folders, or the original's default).</summary>
public sealed record DatasetSources(string CameraSets, string TestPrefixes, string AttackFrames);

/// <summary>
/// Optional paths to the experiment configs (null: look in the root, where the generator puts them), and the
/// original's tex_size: null keeps the data's texture size, a value resizes textures and mask to it as the original does.
/// </summary>
public sealed record DatasetOptions(string? CameraSplitConfig = null, string? TestSegmentConfig = null, string? AttackFrameList = null,
    int? TextureSize = null)
{
    public static readonly DatasetOptions Default = new();

    /// <summary>
    /// The original silently drops a frame or view whose texture is missing; here that is an error naming the file,
    /// unless this is set (a partial real copy), and then each skipped sample is still counted by the caller.
    /// </summary>
    public bool AllowMissingSamples { get; init; }
}

/// <summary>The subject-wide statistics and topology, read once.</summary>
public sealed record SubjectStatistics(float[] TexMean, double TexStd, float[] VertMean, double VertStd, MeshTopology Topology);
