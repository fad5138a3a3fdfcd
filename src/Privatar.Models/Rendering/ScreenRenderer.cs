using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Privatar.Models.Rendering;

/// <summary>Mesh topology shared by every sample: uvs (Nuv, 2) in [0, 1], vertex and uv ids (F, 3) int64.</summary>
public sealed record MeshTopology(Tensor Uvs, Tensor VertIds, Tensor UvIds);

/// <summary>
/// A differentiable stand-in for the original's nvdiffrast renderer. Vertices are projected with M (pixel
/// coordinates u/z, v/z, as the original's NDC mapping reduces to); visibility is rasterized without gradients;
/// barycentrics are then recomputed from the projected vertices with tensor ops, UVs interpolated and the texture
/// bilinearly sampled (texel centres at (i + 0.5)/size, as nvdiffrast's linear filter; clamped at the border where
/// nvdiffrast wraps). Gradients reach the vertices (through barycentrics and UVs) and the texture; coverage edges
/// carry none, as in nvdiffrast without antialiasing.
/// </summary>
public static class ScreenRenderer
{
    /// <summary>(B, V, 3) head-frame verts and (B, 3, 4) M -> pixel coordinates (B, V, 2) and depth (B, V).</summary>
    public static (Tensor Xy, Tensor Depth) Project(Tensor verts, Tensor m)
    {
        using var scope = NewDisposeScope();
        var homo = cat(new[] { verts, ones_like(verts[.., .., ..1]) }, -1);   // (B, V, 4)
        var p = homo.matmul(m.transpose(1, 2));                               // (B, V, 3)
        var z = p[.., .., 2];
        var xy = p[.., .., ..2] / z.unsqueeze(-1);
        return (xy.MoveToOuterDisposeScope(), z.MoveToOuterDisposeScope());
    }

    /// <summary>Triangle id per pixel (B, H, W) int32, -1 for background; no gradients.</summary>
    public static Tensor Rasterize(Tensor xy, Tensor depth, Tensor vertIds, int height, int width)
    {
        using var _ = no_grad();
        var faces = vertIds.to(int64).cpu().data<long>().ToArray();
        var batch = xy.shape[0];
        var all = new int[batch * height * width];
        for (var b = 0; b < batch; b++)
        {
            using var xb = xy[b].detach().to(float32).cpu().contiguous();
            using var zb = depth[b].detach().to(float32).cpu().contiguous();
            Rasterizer.TriangleIds(xb.data<float>().ToArray(), zb.data<float>().ToArray(), faces, height, width)
                .CopyTo(all, b * height * width);
        }
        return tensor(all, new long[] { batch, height, width }).to(xy.device);
    }

    /// <summary>
    /// Renders (B, C, Ht, Wt) <paramref name="texture"/> on the mesh (B, V, 3) seen through (B, 3, 4) M into a
    /// (B, H, W, C) image, background zero. Pass <paramref name="triangleIds"/> to reuse a rasterization.
    /// </summary>
    public static Tensor Render(Tensor m, Tensor verts, Tensor texture, MeshTopology topology, int height, int width, Tensor? triangleIds = null)
    {
        using var scope = NewDisposeScope();
        var (b, c) = (verts.shape[0], texture.shape[1]);
        var (xy, depth) = Project(verts, m);
        var ids = triangleIds ?? Rasterize(xy, depth, topology.VertIds, height, width);
        // Integer index arithmetic on explicit tensors: no implicit Scalar temporaries that the GC could finalize mid-call.
        using var hw = tensor((long)height * width);
        using var w = tensor((long)width);
        using var zero = tensor(0L);
        var flatIds = ids.reshape(-1).to(int64);                                     // (B·H·W)
        var isCovered = flatIds.ge(zero);                                           // background is -1
        var covered = isCovered.nonzero().squeeze(1);                                // (N) flat pixel indices
        var tri = flatIds.index_select(0, covered);                                  // (N)
        var batchOf = covered.div(hw, rounding_mode: RoundingMode.floor);
        var pixel = covered.remainder(hw);
        var q = stack(new[] { pixel.remainder(w), pixel.div(w, rounding_mode: RoundingMode.floor) }, 1).to(float64) + 0.5;   // (N, 2)

        var corners = topology.VertIds.to(int64).index_select(0, tri);              // (N, 3)
        var flatXy = xy.reshape(-1, 2).to(float64);                                  // (B·V, 2); barycentrics in double: slivers stay finite
        var global = corners + (batchOf * verts.shape[1]).unsqueeze(1);              // vertex rows in the flat batch
        var p = flatXy.index_select(0, global.reshape(-1)).reshape(-1, 3, 2);       // (N, 3, 2)
        var (p0, p1, p2) = (p[.., 0], p[.., 1], p[.., 2]);
        var area = Edge(p0, p1, p2);
        var w0 = Edge(p1, p2, q) / area;
        var w1 = Edge(p2, p0, q) / area;
        var w2 = 1 - w0 - w1;                                                        // (N)

        var uvCorners = topology.UvIds.to(int64).index_select(0, tri);               // (N, 3)
        var uv = topology.Uvs.to(float64).index_select(0, uvCorners.reshape(-1)).reshape(-1, 3, 2);
        var st = (w0.unsqueeze(1) * uv[.., 0] + w1.unsqueeze(1) * uv[.., 1] + w2.unsqueeze(1) * uv[.., 2]).to(xy.dtype);   // (N, 2)

        // Sample each covered pixel from its own sample's texture: one grid per sample, zeros elsewhere.
        // An explicit, kept-alive alpha: an implicitly converted Scalar can be finalized during the native call
        // (seen as libtorch's "INTERNAL ASSERT FAILED at Scalar.h" inside index_add's alpha check).
        using var one = 1.0.ToScalar();
        var grid = zeros(b * height * width, 2, dtype: xy.dtype, device: xy.device).index_add(0, covered, st * 2 - 1, one);
        GC.KeepAlive(one);
        var sampled = F.grid_sample(texture.to(xy.dtype), grid.reshape(b, height, width, 2),
                                    mode: GridSampleMode.Bilinear, padding_mode: GridSamplePaddingMode.Border, align_corners: false);   // (B, C, H, W)
        var coverage = isCovered.reshape(b, 1, height, width).to(sampled.dtype);
        return (sampled * coverage).permute(0, 2, 3, 1).MoveToOuterDisposeScope();   // (B, H, W, C)
    }

    /// <summary>Twice the signed area of (a, b, q): (b - a) x (q - a).</summary>
    static Tensor Edge(Tensor a, Tensor b, Tensor q) =>
        (b[.., 0] - a[.., 0]) * (q[.., 1] - a[.., 1]) - (b[.., 1] - a[.., 1]) * (q[.., 0] - a[.., 0]);
}
