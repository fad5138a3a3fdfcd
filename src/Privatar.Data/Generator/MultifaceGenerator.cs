using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Privatar.Core;
using Privatar.Data.Format;

namespace Privatar.Data.Generator;

public sealed record GeneratorProgress(int FramesDone, int FramesTotal);

public sealed record GeneratorResult(string Root, int Frames, int Cameras, int Samples);

/// <summary>One frame of the plan: its name, blendshape coefficients and head pose [R_f | t_f].</summary>
public sealed record PlannedFrame(FrameRef Ref, double[] Coeffs, double[] HeadPose);

/// <summary>
/// Writes a procedural Multiface subject in the real layout. The tree is built in a sibling staging folder
/// (<c>&lt;root&gt;.partial</c>) and moved into place at the end, so an interrupted run never leaves a half-written
/// subject at <c>root</c>. Output bytes depend only on the config (not on thread count or timing).
/// </summary>
public static class MultifaceGenerator
{
    /// <summary>Marks a tree as generated, so a later run may replace it (a real Multiface copy never is).</summary>
    public const string MarkerFile = ".privatar-generated";

    /// <summary>Every path a run writes, relative to the root; the last three are directory trees.</summary>
    public static readonly IReadOnlyList<string> Outputs =
    [
        MultifaceLayout.KrtFile, MultifaceLayout.FrameListFile, MultifaceLayout.TexMeanFile, MultifaceLayout.TexVarFile,
        MultifaceLayout.VertMeanFile, MultifaceLayout.VertVarFile, MultifaceLayout.CameraSplitConfigFile,
        MultifaceLayout.TestSegmentFile, MultifaceLayout.AttackFrameListFile, MarkerFile,
        MultifaceLayout.ImagesDir + "/", MultifaceLayout.TexturesDir + "/", MultifaceLayout.MeshDir + "/",
    ];


    public static GeneratorResult Generate(GeneratorConfig cfg, string root, IProgress<GeneratorProgress>? progress = null,
        CancellationToken cancel = default)
    {
        cfg.Validate();
        root = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        var staging = root + ".partial";
        EnsureReplaceable(root);
        EnsureReplaceable(staging);
        if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        var layout = new MultifaceLayout(staging);
        AtomicFile.WriteAllText(Path.Combine(staging, MarkerFile), "Procedural Multiface subject written by `privatar data generate`.\n");

        var head = new HeadModel(cfg.MeshRows, cfg.MeshCols);
        var cams = CameraRig.Build(cfg);
        var plan = Plan(cfg);
        var renderer = CreateRenderer(cfg, head, cams);
        var stats = new SubjectAccumulator(head.Topology.VertexCount, cfg.TextureSize);

        int threads = cfg.Threads > 0 ? cfg.Threads : Environment.ProcessorCount, chunk = 2 * threads;
        for (int start = 0; start < plan.Count; start += chunk)
        {
            var results = new (float[] Pos, RgbImage Avg)[Math.Min(chunk, plan.Count - start)];
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancel }, i =>
            {
                var f = plan[start + i];
                var (exp, frame) = f.Ref;
                var img = renderer.Render(f.Coeffs, f.HeadPose, (c, texture, photo) =>
                {
                    Put(layout.Texture(exp, cams[c].Name, frame), Png.Encode(texture));
                    Put(layout.Photo(exp, cams[c].Name, frame), Png.Encode(photo));
                });
                WriteFrame(layout, head, f, img);
                results[i] = (img.Positions, img.Average);
            });
            foreach (var (pos, avg) in results) stats.Add(pos, avg);   // in frame order: sums are reproducible
            progress?.Report(new GeneratorProgress(start + results.Length, plan.Count));
        }

        KrtFile.Write(layout.Krt, cams);
        RawFiles.WriteFrameList(layout.FrameList, plan.Select(p => p.Ref));
        stats.Write(layout);
        var names = cams.Select(c => c.Name).ToArray();
        ConfigFiles.WriteCameraSplit(layout.CameraSplitConfig, new Dictionary<string, IReadOnlyList<string>>
        {
            ["train"] = names, ["test"] = names, ["visual"] = names.Take(2).ToArray(), ["attack"] = [CameraRig.FrontalCamera],
        });
        ConfigFiles.WriteTestPrefixes(layout.TestSegment, ConfigFiles.DefaultTestPrefixes);
        RawFiles.WriteFrameList(layout.AttackFrameList, AttackFrames(cfg, plan));

        if (Directory.Exists(root)) Directory.Delete(root, recursive: true);
        Directory.Move(staging, root);
        return new GeneratorResult(root, plan.Count, cams.Count, plan.Count * cams.Count);
    }

    /// <summary>
    /// Every file a run with this config writes, relative to the root with '/' separators, sorted (ordinal): the
    /// top-level files of <see cref="Outputs"/> and, per frame, the mesh files, the average texture, and a texture and a
    /// photo per camera. Computed from the plan alone (no rendering), so a pipeline can declare the outputs up front.
    /// </summary>
    public static IReadOnlyList<string> OutputFiles(GeneratorConfig cfg)
    {
        cfg.Validate();
        var layout = new MultifaceLayout("/");
        var files = Outputs.Where(o => !o.EndsWith('/')).ToList();
        var cams = CameraRig.Build(cfg).Select(c => c.Name).ToArray();
        foreach (var (exp, frame) in Plan(cfg).Select(p => p.Ref))
        {
            files.AddRange([layout.MeshBin(exp, frame), layout.MeshObj(exp, frame), layout.Transform(exp, frame), layout.AverageTexture(exp, frame)]);
            foreach (var c in cams) files.AddRange([layout.Texture(exp, c, frame), layout.Photo(exp, c, frame)]);
        }
        return files.Select(f => Path.GetRelativePath(layout.Root, Path.Combine(layout.Root, f)).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToArray();
    }

    public static FrameRenderer CreateRenderer(GeneratorConfig cfg, HeadModel head, IReadOnlyList<Camera> cams) =>
        new(cfg, head, new SkinModel(cfg.Seed, cfg.TextureSize * (1 - 2 * HeadModel.UvMargin) / HeadModel.CentreSlope), cams,
            new TexelMap(head, cfg.TextureSize));

    /// <summary>Expressions first (frames ramping to the peak and back), then the range-of-motion test segment.</summary>
    public static List<PlannedFrame> Plan(GeneratorConfig cfg)
    {
        var plan = new List<PlannedFrame>();
        long id = 0;
        FrameRef Ref(string exp) => new(exp, (100 + id).ToString("D6", CultureInfo.InvariantCulture));
        for (int e = 0; e < cfg.Expressions; e++)
            for (int t = 0; t < cfg.FramesPerExpression; t++, id++)
                plan.Add(new(Ref(ExpressionCatalog.Name(e)), ExpressionCatalog.ExpressionFrame(e, t, cfg.FramesPerExpression, cfg.Seed, id),
                    CameraRig.HeadPose(id, cfg.Seed)));
        for (int t = 0; t < cfg.RomFrames; t++, id++)
            plan.Add(new(Ref(ExpressionCatalog.RomSegment), ExpressionCatalog.RomFrame(t, cfg.RomFrames, cfg.Seed, id), CameraRig.HeadPose(id, cfg.Seed)));
        return plan;
    }

    /// <summary>One frame per expression: the peak frame (the middle one), as the attacks' selected list.</summary>
    static IEnumerable<FrameRef> AttackFrames(GeneratorConfig cfg, List<PlannedFrame> plan) =>
        Enumerable.Range(0, cfg.Expressions).Select(e => plan[e * cfg.FramesPerExpression + cfg.FramesPerExpression / 2].Ref);

    static void WriteFrame(MultifaceLayout layout, HeadModel head, PlannedFrame f, FrameImages img)
    {
        var (exp, frame) = f.Ref;
        Put(layout.MeshBin(exp, frame), MemoryMarshal.AsBytes(img.Positions.AsSpan()).ToArray());
        Put(layout.MeshObj(exp, frame), Utf8.GetBytes(ObjFile.Format(head.Topology, img.Positions)));
        Put(layout.Transform(exp, frame), Utf8.GetBytes(RawFiles.FormatTransform(f.HeadPose)));
        Put(layout.AverageTexture(exp, frame), Png.Encode(img.Average));
    }

    static readonly UTF8Encoding Utf8 = new(false);

    /// <summary>
    /// Per-frame files go straight into the staging tree without a per-file fsync (thousands of them); the tree
    /// as a whole becomes visible only through the final rename.
    /// </summary>
    static void Put(string path, byte[] bytes)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
    }

    static void EnsureReplaceable(string dir)
    {
        if (Directory.Exists(dir) && Directory.EnumerateFileSystemEntries(dir).Any() && !File.Exists(Path.Combine(dir, MarkerFile)))
            throw new InvalidOperationException(
                $"{dir}: exists, is not empty and has no {MarkerFile}; refusing to replace data the generator did not write");
    }
}
