using Xunit;

namespace Privatar.Noise.Tests;

public sealed class RdpGaussianTests
{
    // Pinned from an independent Python scan that copies the original loop:
    //   for a in range(2, 20): D = 2*a/(a-1)*math.log(g) - 2*math.log(1/56); if D > 0: keep min a/D
    //   multiplier = sqrt(min)   (σ/c, since σ² = a·c²/D)
    [Theory]
    [InlineData(0.98, 2, 0.5009435217397421)]
    [InlineData(0.827, 2, 0.5237504340434186)]
    [InlineData(0.4, 2, 0.6753103985223627)]
    [InlineData(0.09, 4, 1.566753963921494)]
    [InlineData(0.035, 11, 4.035649145501861)]
    public void Calibrate_Should_Give_The_Originals_Multiplier(double psr, int alpha, double multiplier)
    {
        var c = RdpGaussian.Calibrate(psr, 1.0 / 56);
        Assert.Equal(alpha, c.Alpha);
        Assert.Equal(multiplier, c.NoiseMultiplier, 12);
    }

    [Theory]
    [InlineData(0.98, 56)]
    [InlineData(0.4, 56)]
    [InlineData(0.09, 56)]
    [InlineData(0.035, 56)]
    [InlineData(0.0358, 65)]
    public void Calibrate_Should_Agree_With_The_Closed_Form_Optimum(double psr, int classes)
    {
        // Independent derivation: with a = −ln γ, b = −ln κ, σ²/Δ² = α(α−1) / (2((b−a)α − b)) on α > b/(b−a);
        // its derivative vanishes at α* = (b + √(ab)) / (b − a), and it is convex there, so the best integer order
        // in 2..19 is ⌊α*⌋ or ⌈α*⌉ (clamped to the range).
        double a = -Math.Log(psr), b = -Math.Log(1.0 / classes);
        double Ratio(int alpha) => (b - a) * alpha - b > 0 ? alpha * (alpha - 1.0) / (2 * ((b - a) * alpha - b)) : double.PositiveInfinity;
        var star = (b + Math.Sqrt(a * b)) / (b - a);
        var candidates = new[] { (int)Math.Floor(star), (int)Math.Ceiling(star) }.Select(x => Math.Clamp(x, 2, 19));
        var best = candidates.MinBy(Ratio);

        var c = RdpGaussian.Calibrate(psr, 1.0 / classes);
        Assert.Equal(best, c.Alpha);
        Assert.Equal(Math.Sqrt(Ratio(best)), c.NoiseMultiplier, 12);
    }

    [Fact]
    public void Calibrate_Should_Refuse_A_Target_At_Or_Below_The_Prior()
    {
        var ex = Assert.Throws<ArgumentException>(() => RdpGaussian.Calibrate(1.0 / 70, 1.0 / 65));
        Assert.Contains("must exceed the prior", ex.Message);
    }
}
