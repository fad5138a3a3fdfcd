using Xunit;

namespace Privatar.Core.Tests;

public class NoiseModeTests
{
    [Fact]
    public void ParsesTheTwoSpellingsAndNamesTheKeyOtherwise()
    {
        Assert.Equal(NoiseMode.Reproducible, NoiseModes.Parse("reproducible", "[runtime] noise"));
        Assert.Equal(NoiseMode.Release, NoiseModes.Parse("release", "[runtime] noise"));
        var e = Assert.Throws<ArgumentException>(() => NoiseModes.Parse("secure", "[runtime] noise"));
        Assert.Contains("[runtime] noise", e.Message);
        Assert.Contains("'secure'", e.Message);
        Assert.Equal(NoiseModes.Names, new[] { NoiseMode.Reproducible.Name(), NoiseMode.Release.Name() });
        Assert.Equal("reproducible run: not a DP release", NoiseMode.Reproducible.Notice());
        Assert.DoesNotContain("not a DP release", NoiseMode.Release.Notice());
    }

    [Fact]
    public void ReproducibleSeedsAreTheDerivedOnesReleaseSeedsNeverRepeat()
    {
        Assert.Equal(SeedStreams.Derive(1234, SeedPurpose.DpSgdNoise), NoiseMode.Reproducible.Seed(1234, SeedPurpose.DpSgdNoise));
        var release = Enumerable.Range(0, 100).Select(_ => NoiseMode.Release.Seed(1234, SeedPurpose.DpSgdNoise)).ToList();
        Assert.Equal(100, release.Distinct().Count());
        Assert.DoesNotContain(SeedStreams.Derive(1234, SeedPurpose.DpSgdNoise), release);
        Assert.All(release, s => Assert.True(s >= 0));
    }
}

public class SecureGaussianTests
{
    [Fact]
    public void ValuesAreNormalWithTheRequestedStd()
    {
        // 400k draws: the sample mean's sd is 2.5/632 ≈ 0.004, the sample variance's relative sd ≈ 0.0022.
        var x = SecureGaussian.Sample(400_000, 2.5);
        var mean = x.Average();
        var variance = x.Select(v => (v - mean) * (v - mean)).Average();
        Assert.InRange(mean, -0.025, 0.025);
        Assert.InRange(variance, 6.25 * 0.985, 6.25 * 1.015);
        var kurtosis = x.Select(v => Math.Pow(v - mean, 4)).Average() / (variance * variance);
        Assert.InRange(kurtosis, 2.9, 3.1);                              // Gaussian: 3
        Assert.InRange(x.Count(v => Math.Abs(v) < 2.5) / 400_000.0, 0.6827 - 0.005, 0.6827 + 0.005);
    }

    [Fact]
    public void EveryCallDrawsFreshValuesAndUniformsCoverTheUnitInterval()
    {
        Assert.NotEqual(SecureGaussian.Sample(16, 1), SecureGaussian.Sample(16, 1));
        var u = new double[100_000];
        SecureGaussian.Uniforms(u);
        Assert.All(u, v => Assert.InRange(v, 0, 1 - 1e-17));
        Assert.InRange(u.Average(), 0.49, 0.51);
    }

    [Fact]
    public void ZeroStdGivesZerosAndABadStdIsRefused()
    {
        Assert.All(SecureGaussian.Sample(8, 0), v => Assert.Equal(0, v));
        Assert.Contains("noise std", Assert.Throws<ArgumentException>(() => SecureGaussian.Sample(1, -1)).Message);
        Assert.Throws<ArgumentException>(() => SecureGaussian.Sample(1, double.NaN));
        Assert.Equal(4, SecureGaussian.Draws);   // Opacus secure mode: 2n draws with n = 2, sum / 2
    }
}
