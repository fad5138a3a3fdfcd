using Privatar.Core;
using Privatar.Data.Format;

namespace Privatar.Data.Dataset;

/// <summary>
/// A Multiface subject on disk, read the way the original loader reads it. Sizes (texture, photo, vertex
/// count) come from the data; splits come from the test-segment prefixes; camera sets from the split config
/// or, without one, from the camera folders of the first segment.
/// </summary>
public sealed partial class MultifaceDataset
{
    readonly Dictionary<string, int> _cameraIndex;

    MultifaceDataset(MultifaceLayout layout, IReadOnlyList<Camera> cameras, IReadOnlyList<FrameRef> frames,
        SubjectStatistics stats, int texW, int texH)
    {
        Layout = layout;
        Cameras = cameras;
        Frames = frames;
        Statistics = stats;
        TextureWidth = texW;
        TextureHeight = texH;
        _cameraIndex = cameras.Select((c, i) => (c.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
    }

    public MultifaceLayout Layout { get; }
    public IReadOnlyList<Camera> Cameras { get; }
    public IReadOnlyList<FrameRef> Frames { get; }
    public SubjectStatistics Statistics { get; }
    public int TextureWidth { get; }
    public int TextureHeight { get; }
    /// <summary>Side of the sample textures: <see cref="DatasetOptions.TextureSize"/>, or the data's size.</summary>
    public int SampleTextureSize { get; private set; }
    /// <summary>texmean (CHW, rows flipped) resized to the sample size, as the original's training keeps it.</summary>
    public float[] SampleTexMean { get; private set; } = [];
    public int VertexCount => Statistics.VertMean.Length / 3;
    /// <summary>Photo size from the first photo found (0 x 0 when the subject has no photos).</summary>
    public int PhotoWidth { get; private set; }
    public int PhotoHeight { get; private set; }
    public IReadOnlyList<string> TestPrefixes { get; private set; } = [];
    public IReadOnlyDictionary<string, IReadOnlyList<string>> CameraSets { get; private set; } = new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>One frame per expression, the set the attacks and the covariance analysis use.</summary>
    public IReadOnlyList<FrameRef> AttackFrames { get; private set; } = [];
    public DatasetSources Sources { get; private set; } = new("", "", "");

    public static MultifaceDataset Open(string root, DatasetOptions? options = null)
    {
        options ??= DatasetOptions.Default;
        if (!Directory.Exists(root)) throw new DirectoryNotFoundException($"{root}: directory not found (expected a Multiface subject root)");
        var layout = new MultifaceLayout(root);
        var cameras = KrtFile.Read(layout.Krt);
        var frames = RawFiles.ReadFrameList(layout.FrameList);
        var texMeanImg = Png.Read(layout.TexMean);
        var vertMean = RawFiles.ReadVertexFloats(layout.VertMean);
        var first = frames[0];
        var (topology, _) = ObjFile.Read(layout.MeshObj(first.Expression, first.Frame));
        if (topology.VertexCount * 3 != vertMean.Length)
            throw new InvalidDataException(
                $"{layout.MeshObj(first.Expression, first.Frame)}: {topology.VertexCount} vertices, expected {vertMean.Length / 3} (from {layout.VertMean})");
        var stats = new SubjectStatistics(
            TextureCodec.FlippedChw(texMeanImg),
            Math.Sqrt(RawFiles.ReadScalar(layout.TexVar, "the texture variance")),
            vertMean,
            Math.Sqrt(RawFiles.ReadScalar(layout.VertVar, "the vertex variance")),
            topology);
        var ds = new MultifaceDataset(layout, cameras, frames, stats, texMeanImg.Width, texMeanImg.Height);
        if (options.TextureSize is { } ts && ts < 1) throw new ArgumentException($"texture size must be positive, got {ts}");
        if (options.TextureSize is null && texMeanImg.Width != texMeanImg.Height)
            throw new InvalidDataException($"{layout.TexMean}: {texMeanImg.Width}x{texMeanImg.Height}; non-square textures need an explicit texture size");
        ds.SampleTextureSize = options.TextureSize ?? texMeanImg.Width;
        ds.SampleTexMean = TextureCodec.Resize(stats.TexMean, 3, ds.TextureWidth, ds.TextureHeight, ds.SampleTextureSize, ds.SampleTextureSize);
        ds._allowMissing = options.AllowMissingSamples;
        ds.ResolveConfigs(options);
        ds.FindPhotoSize();
        return ds;
    }

    public int CameraIndex(string camera) =>
        _cameraIndex.TryGetValue(camera, out var i) ? i
            : throw new ArgumentException($"camera '{camera}' is not in {Layout.Krt} (cameras: {string.Join(", ", Cameras.Select(c => c.Name))})");

    public Camera Camera(string name) => Cameras[CameraIndex(name)];

    public bool IsTest(string expression) => TestPrefixes.Any(p => expression.StartsWith(p, StringComparison.Ordinal));

    public IReadOnlyList<FrameRef> SplitFrames(Split split) =>
        Frames.Where(f => IsTest(f.Expression) == (split == Split.Test)).ToArray();

    public IReadOnlyList<string> CameraSet(string name) =>
        CameraSets.TryGetValue(name, out var s) ? s
            : throw new ArgumentException($"camera set '{name}' not found ({Sources.CameraSets}); available: {string.Join(", ", CameraSets.Keys)}");

    /// <summary>
    /// The original's sample list: frames whose average texture exists, then one sample per camera of the set
    /// whose per-view texture exists.
    /// </summary>
    public IReadOnlyList<SampleKey> Samples(IEnumerable<FrameRef> frames, IReadOnlyList<string> cameras)
    {
        foreach (var c in cameras) CameraIndex(c);
        var list = new List<SampleKey>();
        foreach (var f in frames)
        {
            if (!Present(Layout.AverageTexture(f.Expression, f.Frame), "average texture")) continue;
            foreach (var cam in cameras)
                if (Present(Layout.Texture(f.Expression, cam, f.Frame), $"texture from camera {cam}"))
                    list.Add(new SampleKey(f.Expression, f.Frame, cam));
        }
        return list;
    }

    bool _allowMissing;

    /// <summary>Number of samples skipped for a missing texture (only with <see cref="DatasetOptions.AllowMissingSamples"/>).</summary>
    public int SkippedSamples { get; private set; }

    bool Present(string path, string what)
    {
        if (File.Exists(path)) return true;
        if (!_allowMissing)
            throw new FileNotFoundException($"{path}: missing {what}; every listed frame needs its average texture and one texture per camera " +
                "of the set. Restore the file, or pass --allow-missing-samples to skip such samples (they are then counted).", path);
        SkippedSamples++;
        return false;
    }

    public IReadOnlyList<SampleKey> Samples(Split split, string cameraSet) => Samples(SplitFrames(split), CameraSet(cameraSet));

    void ResolveConfigs(DatasetOptions o)
    {
        var splitPath = o.CameraSplitConfig ?? Layout.CameraSplitConfig;
        string camSource;
        if (o.CameraSplitConfig is not null || File.Exists(splitPath))
        {
            CameraSets = ConfigFiles.ReadCameraSplit(splitPath);
            camSource = splitPath;
        }
        else
        {
            // The original's fallback: every camera folder under the first segment's textures, for both splits.
            var dir = Layout.TextureFolder(Frames[0].Expression);
            if (!Directory.Exists(dir)) throw new DirectoryNotFoundException($"{dir}: directory not found (no camera split config at {splitPath}, so camera sets come from this folder)");
            var cams = Directory.GetDirectories(dir).Select(Path.GetFileName).OfType<string>()
                .Where(n => n != MultifaceLayout.AverageFolder).Order(StringComparer.Ordinal).ToArray();
            CameraSets = new Dictionary<string, IReadOnlyList<string>> { ["train"] = cams, ["test"] = cams };
            camSource = $"camera folders of {dir}";
        }
        foreach (var (set, cams) in CameraSets)
            foreach (var c in cams)
                if (!_cameraIndex.ContainsKey(c)) throw new InvalidDataException($"{camSource}: camera '{c}' of set '{set}' is not in {Layout.Krt}");

        var segPath = o.TestSegmentConfig ?? Layout.TestSegment;
        string segSource = segPath;
        if (o.TestSegmentConfig is not null || File.Exists(segPath)) TestPrefixes = ConfigFiles.ReadTestPrefixes(segPath);
        else { TestPrefixes = ConfigFiles.DefaultTestPrefixes; segSource = "the original's default (no test_segment.json)"; }

        var attackPath = o.AttackFrameList ?? Layout.AttackFrameList;
        string attackSource = attackPath;
        if (o.AttackFrameList is not null || File.Exists(attackPath)) AttackFrames = RawFiles.ReadFrameList(attackPath);
        else { AttackFrames = DeriveAttackFrames(); attackSource = "derived: middle frame of each training expression"; }
        Sources = new DatasetSources(camSource, segSource, attackSource);
    }

    /// <summary>Without the selected-frame list: the middle listed frame of each non-test expression, in list order.</summary>
    IReadOnlyList<FrameRef> DeriveAttackFrames() =>
        SplitFrames(Split.Train).GroupBy(f => f.Expression).Select(g => g.ElementAt(g.Count() / 2)).ToArray();

    void FindPhotoSize()
    {
        foreach (var f in Frames)
            foreach (var c in Cameras)
            {
                var p = Layout.Photo(f.Expression, c.Name, f.Frame);
                if (!File.Exists(p)) continue;
                var img = Png.Read(p);
                (PhotoWidth, PhotoHeight) = (img.Width, img.Height);
                return;
            }
    }
}
