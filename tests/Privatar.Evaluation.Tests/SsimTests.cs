using Privatar.Evaluation.Metrics;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Evaluation.Tests;

public sealed class SsimTests
{
    // x = 0.5 + 0.5 sin(0.37k + 1.3c + 2.1b), y = clip(x + 0.2 cos(0.91k + 0.5c + b), 0, 1), k = 16i + j; shape (2,3,16,16).
    static (Tensor X, Tensor Y) Pair(double scale)
    {
        var x = new double[2 * 3 * 16 * 16];
        var y = new double[x.Length];
        var n = 0;
        for (var b = 0; b < 2; b++)
        for (var c = 0; c < 3; c++)
        for (var k = 0; k < 256; k++, n++)
        {
            x[n] = 0.5 + 0.5 * Math.Sin(0.37 * k + 1.3 * c + 2.1 * b);
            y[n] = Math.Clamp(x[n] + 0.2 * Math.Cos(0.91 * k + 0.5 * c + b), 0, 1);
        }
        return (tensor(x, [2, 3, 16, 16]) * scale, tensor(y, [2, 3, 16, 16]) * scale);
    }

    [Fact]
    public void Should_Be_One_For_Identical_Images()
    {
        var (x, _) = Pair(1);
        Assert.Equal(1.0, Ssim.Mean(x, x.clone()), 12);
    }

    [Fact]
    public void Should_Match_The_Closed_Form_For_Constant_Images()
    {
        // Given two constant 11x11 images (one valid window, zero variances): SSIM = (2ab + C1) / (a² + b² + C1)
        using var x = full(1, 1, 11, 11, 0.5, ScalarType.Float64);
        using var y = full(1, 1, 11, 11, 0.25, ScalarType.Float64);
        const double c1 = 1e-4;

        // Then: (0.25 + 1e-4) / (0.3125 + 1e-4) = 0.80006398...
        Assert.Equal((2 * 0.5 * 0.25 + c1) / (0.25 + 0.0625 + c1), Ssim.Mean(x, y), 12);
    }

    [Fact]
    public void Should_Match_A_NumPy_Reference()
    {
        // Reference: an explicit numpy loop over valid 11x11 windows of outer(g, g), g = exp(-(i-5)²/4.5)/Σ,
        // C1 = 0.01², C2 = 0.03², mean over (C, H, W); computed with numpy 1.24.2 on the pair above.
        var (x, y) = Pair(1);
        using var s = Ssim.PerImage(x, y);
        var values = s.data<double>().ToArray();
        Assert.Equal(0.8569790407437873, values[0], 12);
        Assert.Equal(0.8496614370402276, values[1], 12);
    }

    [Fact]
    public void Should_Be_Invariant_To_Data_Range_When_The_Range_Is_Given()
    {
        var (x, y) = Pair(255);
        Assert.Equal(0.8569790407437883, Ssim.PerImage(x, y, 255).data<double>()[0], 10);
    }

    [Fact]
    public void Should_Decrease_As_Noise_Grows()
    {
        var (x, _) = Pair(1);
        manual_seed(3);
        using var noise = randn_like(x);
        var mild = Ssim.Mean(x, x + 0.02 * noise);
        var strong = Ssim.Mean(x, x + 0.2 * noise);
        Assert.True(mild < 1 && strong < mild, $"SSIM should fall with noise: mild {mild}, strong {strong}");
    }

    [Fact]
    public void Should_Name_The_Problem_For_Bad_Shapes()
    {
        using var a = zeros(1, 3, 8, 8);
        var e = Assert.Throws<ArgumentException>(() => Ssim.Mean(a, a));
        Assert.Contains("at least 11x11", e.Message);
        using var b = zeros(1, 3, 16, 16);
        using var c = zeros(1, 3, 16, 17);
        Assert.Contains("shapes differ", Assert.Throws<ArgumentException>(() => Ssim.Mean(b, c)).Message);
    }
}
