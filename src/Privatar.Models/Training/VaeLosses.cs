using Privatar.Models.Rendering;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace Privatar.Models.Training;

/// <summary>The four loss terms and their weighted total (scalars).</summary>
public sealed record LossTerms(Tensor Vert, Tensor Tex, Tensor Screen, Tensor Kl, Tensor Total) : IDisposable
{
    public void Dispose() { Vert.Dispose(); Tex.Dispose(); Screen.Dispose(); Kl.Dispose(); Total.Dispose(); }
}

/// <summary>What the screen loss needs besides the batch: topology, the loss-weight mask texture and the render size.</summary>
public sealed record ScreenSetup(MeshTopology Topology, Tensor LossWeightMask, int Height, int Width);

/// <summary>
/// The original's losses (run_net, §2.5), as pure functions. Texture and screen losses are multiplied by
/// 255²/texstd², i.e. they are MSEs in normalised-texture units.
/// </summary>
public static class VaeLosses
{
    /// <summary>MSE in normalised vertex space.</summary>
    public static Tensor Vertex(Tensor predVerts, Tensor verts) => F.mse_loss(predVerts, verts);

    /// <summary>Normalised texture -> display units in [0, 1]: (x·texstd + texmean) / 255.</summary>
    public static Tensor Display(Tensor tex, Normalization n) => (tex * n.TexStd + n.TexMean) / 255.0;

    /// <summary>MSE(pred·mask, gt·mask) in display units, times 255²/texstd².</summary>
    public static Tensor Texture(Tensor predTex, Tensor gtTex, Tensor mask, Normalization n)
    {
        using var p = Display(predTex, n);
        using var g = Display(gtTex, n);
        using var mse = F.mse_loss(p * mask, g * mask);
        return mse * (255.0 * 255.0 / (n.TexStd * n.TexStd));
    }

    /// <summary>mean((pred_screen - photo)² · screen_mask) times 255²/texstd²; all (B, H, W, 3).</summary>
    public static Tensor Screen(Tensor predScreen, Tensor photo, Tensor screenMask, double texStd)
    {
        using var sq = (predScreen - photo).pow(2) * screenMask;
        using var mean = sq.mean();
        return mean * (255.0 * 255.0 / (texStd * texStd));
    }

    /// <summary>All terms for one forward pass. The screen term is zero (and nothing is rendered) when λ_screen = 0.</summary>
    public static LossTerms Compute(VaeOutput output, VaeBatch batch, Normalization n, LossWeights w, ScreenSetup? screen)
    {
        using var scope = NewDisposeScope();
        var vert = Vertex(output.PredVerts, batch.Verts);
        var tex = Texture(output.PredTex, batch.Tex, batch.Mask, n);
        var screenLoss = w.Screen > 0 ? ScreenLoss(output, batch, n, screen) : zeros(new long[0], dtype: tex.dtype);
        var kl = output.Kl.alias();
        var total = w.Verts * vert + w.Tex * tex + w.Screen * screenLoss + w.Kl * kl;
        var result = new LossTerms(vert, tex, screenLoss, kl, total);
        foreach (var t in new[] { vert, tex, screenLoss, kl, total }) t.MoveToOuterDisposeScope();
        return result;
    }

    static Tensor ScreenLoss(VaeOutput output, VaeBatch batch, Normalization n, ScreenSetup? screen)
    {
        if (screen is null) throw new ArgumentException("lambda_screen > 0 needs a ScreenSetup (topology, loss-weight mask, render size)");
        var verts = output.PredVerts * n.VertStd + n.VertMean;                        // (B, V, 3) head frame
        var tex = Display(output.PredTex, n);                                         // (B, 3, T, T) in [0, 1]
        var (xy, depth) = ScreenRenderer.Project(verts, batch.M);
        using (xy) using (depth)
        {
            var ids = ScreenRenderer.Rasterize(xy, depth, screen.Topology.VertIds, screen.Height, screen.Width);
            var mask = ScreenRenderer.Render(batch.M, verts, screen.LossWeightMask.expand(batch.Size, -1, -1, -1), screen.Topology, screen.Height, screen.Width, ids);
            var pred = ScreenRenderer.Render(batch.M, verts, tex, screen.Topology, screen.Height, screen.Width, ids);
            return Screen(pred, batch.Photo, mask, n.TexStd);
        }
    }
}
