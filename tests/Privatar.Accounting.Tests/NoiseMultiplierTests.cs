using Privatar.Accounting;
using Xunit;

namespace Privatar.Accounting.Tests;

public class NoiseMultiplierTests
{
    [Fact]
    public void OpacusSearchReproducesOpacusTests()
    {
        // opacus/tests/accountants_test.py: ε 8, δ 1e-5, q 0.04, 90 epochs -> 1.416 (4 places); 2000 steps -> 1.3562.
        double byEpochs = NoiseMultiplier.ForEpsilonOpacus(8, 1e-5, 0.04, NoiseMultiplier.StepsForEpochs(90, 0.04));
        Assert.Equal(1.416, byEpochs, 5e-5);
        Assert.Equal(1.3562, NoiseMultiplier.ForEpsilonOpacus(8, 1e-5, 0.04, 2000), 5e-5);
    }

    [Theory]
    [InlineData(0.2, 85.0)]
    [InlineData(1.0, 18.28125)]
    [InlineData(10.0, 2.48779296875)]
    public void OpacusSearchReproducesDpdmSigmas(double target, double expected)
    {
        // §C.2: q = 1/15, 4500 steps, δ 1e-5; the bisection lands on exactly these dyadic values.
        Assert.Equal(expected, NoiseMultiplier.ForEpsilonOpacus(target, 1e-5, 1 / 15.0, 4500));
    }

    [Theory]
    [InlineData(8.0, 0.04, 2250)]
    [InlineData(1.0, 1 / 3750.0, 37500)]
    [InlineData(3.0, 256 / 60000.0, 14062)]
    public void PreciseSearchIsTightAndSafe(double target, double q, long steps)
    {
        var rdp = new AccountantOptions();
        double sigma = NoiseMultiplier.ForEpsilon(target, 1e-5, q, steps);
        Assert.True(rdp.Epsilon(sigma, q, steps, 1e-5) <= target);
        Assert.True(rdp.Epsilon(sigma * (1 - 1e-5), q, steps, 1e-5) > target);
        // Never looser than Opacus's search, which stops within ε tolerance 0.01 on the safe side.
        Assert.True(sigma <= NoiseMultiplier.ForEpsilonOpacus(target, 1e-5, q, steps));
    }

    [Fact]
    public void PrvSearchNeedsLessNoiseThanRdp()
    {
        var prv = new AccountantOptions(AccountantKind.Prv);
        double sigmaPrv = NoiseMultiplier.ForEpsilon(2.0, 1e-5, 0.05, 100, prv);
        double sigmaRdp = NoiseMultiplier.ForEpsilon(2.0, 1e-5, 0.05, 100);
        Assert.True(prv.Epsilon(sigmaPrv, 0.05, 100, 1e-5) <= 2.0);
        Assert.True(prv.Epsilon(sigmaPrv * 0.999, 0.05, 100, 1e-5) > 2.0);
        Assert.True(sigmaPrv < sigmaRdp);
    }

    [Fact]
    public void StepsFollowOpacus()
    {
        Assert.Equal(2250, NoiseMultiplier.StepsForEpochs(90, 0.04));
        Assert.Equal(14062, NoiseMultiplier.StepsForEpochs(60, 256 / 60000.0));
        Assert.Equal(37500, NoiseMultiplier.StepsForEpochs(10, 16 / 60000.0));
    }

    [Fact]
    public void BadTargetsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseMultiplier.ForEpsilon(0, 1e-5, 0.01, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => NoiseMultiplier.ForEpsilon(1, 1e-5, 0, 100));
        // With the improved conversion even σ = 1e6 leaves ε ≈ 0.1 at δ = 1e-5 (the log(1/δ)/(α−1) term at α 63).
        Assert.Contains("unreachable", Assert.Throws<ArgumentOutOfRangeException>(() => NoiseMultiplier.ForEpsilon(1e-3, 1e-5, 1.0, 1000)).Message);
    }

    [Fact]
    public void CliArgumentChecksNameTheOptionAndRange()
    {
        Assert.Equal("--sample-rate: expected a sampling rate q in (0, 1], got 1.5.", Assert.Throws<ArgumentException>(() => PrivacyArguments.SampleRate(1.5)).Message);
        Assert.Contains("--sigma", Assert.Throws<ArgumentException>(() => PrivacyArguments.NoiseMultiplier(-0.1)).Message);
        Assert.Contains("(0, 1)", Assert.Throws<ArgumentException>(() => PrivacyArguments.Delta(0)).Message);
        Assert.Contains("--steps", Assert.Throws<ArgumentException>(() => PrivacyArguments.Steps(0)).Message);
        Assert.Contains("'rdp' or 'prv'", Assert.Throws<ArgumentException>(() => AccountantOptions.ParseKind("gdp")).Message);
        Assert.Equal(AccountantKind.Prv, AccountantOptions.ParseKind("PRV"));
        Assert.Equal(RdpConversion.Classic, AccountantOptions.ParseConversion("classic"));
    }
}
