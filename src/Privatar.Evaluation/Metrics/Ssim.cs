using static TorchSharp.torch;

namespace Privatar.Evaluation.Metrics;

/// <summary>
/// Structural similarity (Wang et al. 2004) with the standard settings: an 11x11 Gaussian window with σ = 1.5,
/// K1 = 0.01, K2 = 0.03, C1 = (K1·L)², C2 = (K2·L)² for data range L. Statistics are taken over "valid" window
/// positions only (no padding, as in the reference MATLAB code), per channel; the SSIM of an image is the mean of
/// its map over channels and positions. Computed in float64 whatever the input type.
/// </summary>
public static class Ssim
{
    public const int WindowSize = 11;
    public const double Sigma = 1.5;
    public const double K1 = 0.01;
    public const double K2 = 0.03;

    /// <summary>SSIM per image for (B, C, H, W) inputs of equal shape; returns a float64 tensor of shape (B).</summary>
    public static Tensor PerImage(Tensor x, Tensor y, double dataRange = 1.0)
    {
        Validate(x, y, dataRange);
        using var scope = NewDisposeScope();
        var a = x.to(ScalarType.Float64);
        var b = y.to(ScalarType.Float64);
        var channels = a.shape[1];
        var g = GaussianWindow(a.device);
        var rows = g.reshape(1, 1, 1, WindowSize).expand(channels, 1, 1, WindowSize);
        var cols = g.reshape(1, 1, WindowSize, 1).expand(channels, 1, WindowSize, 1);
        Tensor Blur(Tensor t) => nn.functional.conv2d(nn.functional.conv2d(t, rows, groups: channels), cols, groups: channels);

        var muX = Blur(a);
        var muY = Blur(b);
        var varX = Blur(a * a) - muX * muX;
        var varY = Blur(b * b) - muY * muY;
        var cov = Blur(a * b) - muX * muY;
        var c1 = Math.Pow(K1 * dataRange, 2);
        var c2 = Math.Pow(K2 * dataRange, 2);
        var map = (2 * muX * muY + c1) * (2 * cov + c2) / ((muX * muX + muY * muY + c1) * (varX + varY + c2));
        return map.mean([1, 2, 3]).MoveToOuterDisposeScope();
    }

    /// <summary>Mean SSIM over the batch.</summary>
    public static double Mean(Tensor x, Tensor y, double dataRange = 1.0)
    {
        using var perImage = PerImage(x, y, dataRange);
        return perImage.mean().item<double>();
    }

    /// <summary>The normalised 1-D Gaussian, exp(-(i-5)²/(2σ²)) / Σ, i = 0..10; the 2-D window is its outer product.</summary>
    public static Tensor GaussianWindow(Device? device = null)
    {
        var w = new double[WindowSize];
        var centre = WindowSize / 2;
        for (var i = 0; i < WindowSize; i++) w[i] = Math.Exp(-Math.Pow(i - centre, 2) / (2 * Sigma * Sigma));
        var sum = w.Sum();
        for (var i = 0; i < WindowSize; i++) w[i] /= sum;
        return tensor(w, device: device ?? CPU);
    }

    static void Validate(Tensor x, Tensor y, double dataRange)
    {
        if (x.dim() != 4 || y.dim() != 4)
            throw new ArgumentException($"SSIM: expected (B, C, H, W) tensors, got [{string.Join(",", x.shape)}] and [{string.Join(",", y.shape)}]");
        if (!x.shape.SequenceEqual(y.shape))
            throw new ArgumentException($"SSIM: shapes differ: [{string.Join(",", x.shape)}] vs [{string.Join(",", y.shape)}]");
        if (x.shape[2] < WindowSize || x.shape[3] < WindowSize)
            throw new ArgumentException($"SSIM: images must be at least {WindowSize}x{WindowSize}, got {x.shape[2]}x{x.shape[3]}");
        if (!(dataRange > 0) || double.IsInfinity(dataRange))
            throw new ArgumentException($"SSIM: data range must be a positive finite number, got {dataRange}");
    }
}
