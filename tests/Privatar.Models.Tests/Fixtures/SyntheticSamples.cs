using Privatar.Models.Rendering;
using Privatar.Models.Training;
using static TorchSharp.torch;

namespace Privatar.Models.Tests.Fixtures;

/// <summary>
/// Generated tensors with the Multiface sample shapes (independent of Privatar.Data): a rows x cols grid mesh in the
/// z = 0 plane of the head frame (extra vertices beyond the grid are unused), smooth per-sample textures, small
/// per-sample deformations, a camera looking down -z, and photos rendered from the ground truth.
/// </summary>
public sealed record SyntheticSamples(VaeBatch Batch, Normalization Norm, ScreenSetup Screen) : IDisposable
{
    public static SyntheticSamples Create(VaeConfig cfg, int batch, int photoHeight, int photoWidth, long seed)
    {
        var g = new Generator((ulong)seed);
        var (rows, cols) = GridFor(cfg.Vertices);
        var topo = Topology(rows, cols, cfg.Vertices);
        var vertMean = zeros(cfg.Vertices, 3);
        using (var grid = stack(meshgrid(new[] { linspace(-1, 1, rows), linspace(-1, 1, cols) }, indexing: "ij"), -1).reshape(-1, 2))
            vertMean[TensorIndex.Slice(0, rows * cols), TensorIndex.Slice(0, 2)] = grid.flip(1);   // (x = col, y = row)
        var norm = new Normalization(full(1, 3, cfg.TexSize, cfg.TexSize, 128f), 64, vertMean, 0.1);

        var t = linspace(0, 2 * Math.PI, cfg.TexSize);
        var phase = rand(batch, 3, 1, 1, generator: g) * 6;
        var avgTex = sin(t.view(1, 1, -1, 1) * 2 + phase) * cos(t.view(1, 1, 1, -1) * 3 - phase);   // (B, 3, T, T)
        var tex = avgTex * 0.9 + 0.1 * sin(t.view(1, 1, 1, -1) * 9 + phase);
        var mask = ones(batch, 3, cfg.TexSize, cfg.TexSize);
        mask[.., .., TensorIndex.Slice(0, cfg.TexSize / 8), ..] = zeros(1);
        var verts = (sin(vertMean.unsqueeze(0) * 3 + phase.view(batch, 1, 3)) * 0.5).contiguous();   // (B, V, 3) normalised
        var view = nn.functional.normalize(randn(batch, 3, generator: g) + tensor(new float[] { 0, 0, 3 }), p: 2, dim: 1);
        var m = Camera(photoHeight, photoWidth).expand(batch, 3, 4).contiguous();
        var cam = arange(batch, dtype: int64).remainder(cfg.Cameras);
        var screen = new ScreenSetup(topo, ones(1, 3, cfg.TexSize, cfg.TexSize), photoHeight, photoWidth);
        Tensor photo;
        using (no_grad())
            photo = ScreenRenderer.Render(m, verts * norm.VertStd + vertMean, VaeLosses.Display(tex, norm), topo, photoHeight, photoWidth);
        return new SyntheticSamples(new VaeBatch(avgTex, tex, mask, verts, view, photo, m, cam), norm, screen);
    }

    /// <summary>M = K [R | t] for a camera 5 units in front of the plane, the mesh spanning ~60% of the image.</summary>
    public static Tensor Camera(int height, int width)
    {
        const float d = 5;
        var f = 0.3f * Math.Min(height, width) * d;
        return tensor(new[] { f, 0, 0, width / 2f * d, 0, f, 0, height / 2f * d, 0, 0, 0.2f, d }, new long[] { 1, 3, 4 });
    }

    public static (int Rows, int Cols) GridFor(int vertices)
    {
        var rows = (int)Math.Floor(Math.Sqrt(vertices));
        return (rows, vertices / rows);
    }

    public static MeshTopology Topology(int rows, int cols, int vertices)
    {
        var faces = new List<long>();
        for (var r = 0; r + 1 < rows; r++)
            for (var c = 0; c + 1 < cols; c++)
            {
                long a = r * cols + c, b = a + 1, d = a + cols, e = d + 1;
                faces.AddRange(new[] { a, b, d, b, e, d });
            }
        var uv = new float[2 * vertices];
        for (var i = 0; i < rows * cols; i++) { uv[2 * i] = (i % cols) / (cols - 1f); uv[2 * i + 1] = (i / cols) / (rows - 1f); }
        var ids = tensor(faces.ToArray(), new long[] { faces.Count / 3, 3 });
        return new MeshTopology(tensor(uv, new long[] { vertices, 2 }), ids, ids.clone());
    }

    public void Dispose() => Batch.Dispose();
}
