using Privatar.Core;
using Privatar.Generators.GsWgan;
using Privatar.Torch;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Tests.GsWgan;

public sealed class GradientSanitiserTests
{
    [Fact]
    public void Should_Clip_Each_Image_Gradient_To_C_And_Leave_Smaller_Ones()
    {
        using var scope = NewDisposeScope();
        // rows: norm 5 (clipped to 1: (0.6, 0.8)), norm 0.5 (kept), zero (kept)
        var g = tensor(new double[] { 3, 4, 0.3, 0.4, 0, 0 }, [3, 1, 1, 2]);
        var c = GradientSanitiser.Clip(g, 1.0).reshape(3, 2);
        var f = 1.0 / (5 + 1e-6);
        Assert.Equal(3 * f, c[0, 0].ToDouble(), 12);
        Assert.Equal(4 * f, c[0, 1].ToDouble(), 12);
        Assert.Equal(0.3, c[1, 0].ToDouble(), 12);
        Assert.Equal(0.4, c[1, 1].ToDouble(), 12);
        Assert.Equal(0.0, c[2].abs().sum().ToDouble());
    }

    [Fact]
    public void Should_Add_Noise_Of_Std_Sigma_Times_Two_C_Root_B_On_Top_Of_The_Clipped_Rows()
    {
        using var scope = NewDisposeScope();
        const int b = 16;
        const double clip = 0.5, sigma = 1.3;
        Assert.Equal(2 * 0.5 * 4, GradientSanitiser.Sensitivity(clip, b), 15);   // 2C√B with B = 16
        var g = full([b, 1, 28, 28], 1.0, dtype: ScalarType.Float64);           // every row norm 28, clipped to 0.5

        using var noise = new PrivacyNoise(NoiseMode.Reproducible, 11);
        var added = GradientSanitiser.Sanitise(g, clip, sigma, noise) - GradientSanitiser.Clip(g, clip);
        using var same = new PrivacyNoise(NoiseMode.Reproducible, 11);
        var expected = same.Gaussian(g.shape, sigma * 2 * clip * 4, ScalarType.Float64);
        Assert.True(added.allclose(expected, rtol: 0, atol: 1e-12), "the noise is the seeded stream's draw times σ·2C√B");
        var std = added.std().ToDouble();                                        // 12,544 draws: within 3% of 5.2
        Assert.InRange(std / (sigma * 2 * clip * 4), 0.97, 1.03);
    }

    [Fact]
    public void Should_Return_The_Clipped_Rows_Alone_At_Sigma_Zero()
    {
        using var scope = NewDisposeScope();
        using var noise = new PrivacyNoise(NoiseMode.Reproducible, 1);
        var g = tensor(new double[] { 3, 4 }, [1, 2]);
        Assert.True(GradientSanitiser.Sanitise(g, 1, 0, noise).allclose(GradientSanitiser.Clip(g, 1)));
    }
}
