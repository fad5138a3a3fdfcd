namespace Privatar.Data.Format;

/// <summary>
/// The one place that knows where each Multiface file lives under a subject root
/// (e.g. <c>m--20180227--0000--6795937--GHS</c>). The reader and the generator both go through it.
/// </summary>
public sealed class MultifaceLayout(string root)
{
    public const string KrtFile = "KRT";
    public const string FrameListFile = "frame_list.txt";
    public const string TexMeanFile = "tex_mean.png";
    public const string TexVarFile = "tex_var.txt";
    public const string VertMeanFile = "vert_mean.bin";
    public const string VertVarFile = "vert_var.txt";
    public const string ImagesDir = "images";
    /// <summary>The real folder name says 1024; the size itself is read from the data.</summary>
    public const string TexturesDir = "unwrapped_uv_1024";
    public const string MeshDir = "tracked_mesh";
    /// <summary>Camera folder holding the view-averaged texture (the encoder input).</summary>
    public const string AverageFolder = "average";

    /// <summary>
    /// The original keeps these three in experiment_scripts/; the generator writes them into the root and the
    /// reader looks there unless given explicit paths.
    /// </summary>
    public const string CameraSplitConfigFile = "camera-split-config.json";
    public const string TestSegmentFile = "test_segment.json";
    public const string AttackFrameListFile = "selected_expression_frame_list.txt";

    public string Root { get; } = Path.GetFullPath(root);

    public string Krt => Path.Combine(Root, KrtFile);
    public string FrameList => Path.Combine(Root, FrameListFile);
    public string TexMean => Path.Combine(Root, TexMeanFile);
    public string TexVar => Path.Combine(Root, TexVarFile);
    public string VertMean => Path.Combine(Root, VertMeanFile);
    public string VertVar => Path.Combine(Root, VertVarFile);
    public string CameraSplitConfig => Path.Combine(Root, CameraSplitConfigFile);
    public string TestSegment => Path.Combine(Root, TestSegmentFile);
    public string AttackFrameList => Path.Combine(Root, AttackFrameListFile);

    public string Photo(string exp, string cam, string frame) => Path.Combine(Root, ImagesDir, exp, cam, frame + ".png");
    public string Texture(string exp, string cam, string frame) => Path.Combine(Root, TexturesDir, exp, cam, frame + ".png");
    public string AverageTexture(string exp, string frame) => Texture(exp, AverageFolder, frame);
    public string TextureFolder(string exp) => Path.Combine(Root, TexturesDir, exp);
    public string MeshObj(string exp, string frame) => Path.Combine(Root, MeshDir, exp, frame + ".obj");
    public string MeshBin(string exp, string frame) => Path.Combine(Root, MeshDir, exp, frame + ".bin");
    public string Transform(string exp, string frame) => Path.Combine(Root, MeshDir, exp, frame + "_transform.txt");
}
