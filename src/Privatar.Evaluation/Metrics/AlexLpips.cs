using Privatar.Core;
using static TorchSharp.torch;

namespace Privatar.Evaluation.Metrics;

/// <summary>How LPIPS inputs are scaled: the network expects [-1, 1]; [0, 1] inputs are mapped by 2x − 1.</summary>
public enum LpipsInputRange { MinusOneToOne, ZeroToOne }

/// <summary>
/// LPIPS v0.1 with the AlexNet trunk (Zhang et al. 2018, the metric the original test uses via lpips.LPIPS(net='alex')):
/// fixed input scaling, AlexNet conv1..conv5 + ReLU (max-pools between the first three), per-layer unit-normalisation
/// over channels, squared differences weighted by the learned 1x1 "lin" layers, spatial means, summed over layers.
/// The weights cannot be downloaded here, so they are loaded from a directory the user converts (see
/// <see cref="LpipsWeights"/>); without them there is no LPIPS value, never a substitute.
/// </summary>
public sealed class AlexLpips : IDisposable
{
    static readonly double[] Shift = [-0.030, -0.088, -0.188];
    static readonly double[] Scale = [0.458, 0.448, 0.450];
    const double NormEps = 1e-10;

    readonly LpipsWeights _w;

    AlexLpips(LpipsWeights weights) => _w = weights;

    /// <summary>Loads the converted weights; throws FileNotFoundException / InvalidDataException naming what is missing.</summary>
    public static AlexLpips Load(string directory, Device? device = null) => new(LpipsWeights.Load(directory, device ?? CPU));

    /// <summary>Distance per image for (B, 3, H, W) float inputs of equal shape (H, W ≥ 32); returns shape (B), float32.</summary>
    public Tensor PerImage(Tensor x, Tensor y, LpipsInputRange range = LpipsInputRange.MinusOneToOne)
    {
        if (x.dim() != 4 || x.shape[1] != 3 || !x.shape.SequenceEqual(y.shape))
            throw new ArgumentException($"LPIPS: expected two (B, 3, H, W) tensors of the same shape, got [{string.Join(",", x.shape)}] and [{string.Join(",", y.shape)}]");
        if (x.shape[2] < 32 || x.shape[3] < 32)
            throw new ArgumentException($"LPIPS: AlexNet needs images of at least 32x32, got {x.shape[2]}x{x.shape[3]}");
        using var noGrad = no_grad();
        using var scope = NewDisposeScope();
        var fx = Features(Prepare(x, range));
        var fy = Features(Prepare(y, range));
        Tensor? total = null;
        for (var l = 0; l < fx.Length; l++)
        {
            var d = (UnitNormalise(fx[l]) - UnitNormalise(fy[l])).square();
            var weighted = nn.functional.conv2d(d, _w.Lin[l]).mean([2, 3]).reshape(-1);
            total = total is null ? weighted : total + weighted;
        }
        return total!.MoveToOuterDisposeScope();
    }

    public double Mean(Tensor x, Tensor y, LpipsInputRange range = LpipsInputRange.MinusOneToOne)
    {
        using var d = PerImage(x, y, range);
        return d.mean().item<float>();
    }

    Tensor Prepare(Tensor x, LpipsInputRange range)
    {
        var t = x.to(ScalarType.Float32, _w.Device);
        if (range == LpipsInputRange.ZeroToOne) t = t * 2 - 1;
        var shift = tensor(Shift, device: _w.Device).to(ScalarType.Float32).reshape(1, 3, 1, 1);
        var scale = tensor(Scale, device: _w.Device).to(ScalarType.Float32).reshape(1, 3, 1, 1);
        return (t - shift) / scale;
    }

    /// <summary>relu1..relu5 of torchvision's AlexNet features (the LPIPS slices).</summary>
    Tensor[] Features(Tensor x)
    {
        var (w, b) = (_w.ConvWeight, _w.ConvBias);
        var r1 = nn.functional.relu(nn.functional.conv2d(x, w[0], b[0], strides: [4, 4], padding: [2, 2]));
        var r2 = nn.functional.relu(nn.functional.conv2d(nn.functional.max_pool2d(r1, 3, 2), w[1], b[1], padding: [2, 2]));
        var r3 = nn.functional.relu(nn.functional.conv2d(nn.functional.max_pool2d(r2, 3, 2), w[2], b[2], padding: [1, 1]));
        var r4 = nn.functional.relu(nn.functional.conv2d(r3, w[3], b[3], padding: [1, 1]));
        var r5 = nn.functional.relu(nn.functional.conv2d(r4, w[4], b[4], padding: [1, 1]));
        return [r1, r2, r3, r4, r5];
    }

    static Tensor UnitNormalise(Tensor f) => f / (f.square().sum([1], keepdim: true).sqrt() + NormEps);

    public void Dispose() => _w.Dispose();
}
