using static TorchSharp.torch;

namespace Privatar.Models.Training;

/// <summary>
/// One batch as the original's loader delivers it (§1.2), already stacked: avg_tex, tex and mask (B, 3, T, T)
/// (textures normalised by tex mean/std, mask 1 on valid texels), aligned verts (B, V, 3) normalised, view (B, 3),
/// photo (B, H, W, 3) in [0, 1], M (B, 3, 4) and the colour-correction camera index (B) int64.
/// </summary>
public sealed record VaeBatch(Tensor AvgTex, Tensor Tex, Tensor Mask, Tensor Verts, Tensor View, Tensor Photo, Tensor M, Tensor Cam)
    : IDisposable
{
    public long Size => AvgTex.shape[0];

    public VaeInput ToInput(Tensor? noiseVariance = null) => new(AvgTex, Verts, View, Cam, noiseVariance);

    public void Dispose()
    {
        foreach (var t in new[] { AvgTex, Tex, Mask, Verts, View, Photo, M, Cam }) t.Dispose();
    }
}

/// <summary>
/// Dataset statistics that undo the normalisation: texture mean (1, 3, T, T) in 0..255 units and scalar std,
/// vertex mean (V, 3) and scalar std.
/// </summary>
public sealed record Normalization(Tensor TexMean, double TexStd, Tensor VertMean, double VertStd);

/// <summary>The loss weights; defaults are the launcher's (λ_screen = 1 is passed explicitly; argparse default 0).</summary>
public sealed record LossWeights(double Verts = 1, double Tex = 1, double Screen = 1, double Kl = 0.01);
