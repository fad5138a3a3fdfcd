using MathNet.Numerics.Distributions;
using Privatar.Accounting;
using Privatar.Generators.DpMerf;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Generators.Tests.DpMerf;

public sealed class MeanEmbeddingTests
{
    [Fact]
    public void Should_Move_By_At_Most_Two_Over_N_When_One_Example_Is_Replaced()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(5);
        const int n = 50;
        var x = rand([n, 1, 28, 28], dtype: ScalarType.Float64, generator: g);
        var y = randint(0, 10, [n], dtype: ScalarType.Int64, generator: g);
        using var rff = new RandomFourierFeatures(784, 512, 20, 9, ScalarType.Float64);
        var mu = MeanEmbedding.Of(rff, x, y, 10, chunk: 7);
        double worst = 0;
        for (var trial = 0; trial < 20; trial++)
        {
            var x2 = x.clone();
            var y2 = y.clone();
            x2[trial] = rand([1, 28, 28], dtype: ScalarType.Float64, generator: g);
            y2[trial] = trial % 2 == 0 ? y[trial] : (y[trial] + 1) % 10;    // same class and a different class
            var moved = (MeanEmbedding.Of(rff, x2, y2, 10) - mu).norm().ToDouble();
            worst = Math.Max(worst, moved);
            Assert.True(moved <= MeanEmbedding.Sensitivity(n) + 1e-12, $"trial {trial}: moved {moved} > 2/N");
        }
        Assert.True(worst > 1.0 / n, "a different-class replacement moves μ by √2/N, so the bound is nearly reached");
    }

    [Fact]
    public void Should_Add_Noise_Of_Std_Sigma_Times_Two_Over_N()
    {
        using var scope = NewDisposeScope();
        var zero = zeros([20_000, 10], dtype: ScalarType.Float64);
        const long n = 400;
        const double sigma = 3;
        var noise = MeanEmbedding.Release(zero, n, sigma, 11);
        var expected = sigma * 2.0 / n;
        Assert.True(Math.Abs(noise.std().ToDouble() / expected - 1) < 0.01, $"std {noise.std().ToDouble()} vs {expected}");
        Assert.True(Math.Abs(noise.mean().ToDouble()) < 0.05 * expected);
        Assert.Equal(0, (noise - MeanEmbedding.Release(zero, n, sigma, 11)).abs().max().ToDouble());      // seeded
    }

    /// <summary>
    /// ε of one Gaussian release (q = 1) two independent ways: the RDP curve α/(2σ²) minimised by hand over the
    /// accountant's own order grid with Balle et al.'s conversion must equal the accountant's ε; and the exact ε of the
    /// analytic Gaussian mechanism (Balle and Wang 2018), δ(ε) = Φ(1/(2σ) − εσ) − e^ε Φ(−1/(2σ) − εσ), is a lower bound
    /// that RDP stays close to.
    /// </summary>
    [Theory]
    [InlineData(1.0)]
    [InlineData(5.0)]     // DP-MERF's default noise factor (README: ε ≈ 1 at δ = 1e-5 via autodp)
    public void Should_Match_Independent_Epsilons_For_One_Gaussian_Release(double sigma)
    {
        const double delta = 1e-5;
        var accountant = new RdpAccountant();
        accountant.Step(sigma, 1.0, 1);
        var eps = accountant.GetEpsilon(delta);

        var byHand = accountant.Orders.Min(a => a / (2 * sigma * sigma) + Math.Log((a - 1) / a) - (Math.Log(delta) + Math.Log(a)) / (a - 1));
        Assert.Equal(byHand, eps, 9);

        var exact = MathNet.Numerics.RootFinding.Bisection.FindRoot(e => AnalyticDelta(sigma, e) - delta, 0, 100, 1e-10);
        Assert.True(eps >= exact, $"RDP ε {eps} below the exact ε {exact}");
        Assert.True(eps <= 1.35 * exact, $"RDP ε {eps} far above the exact ε {exact}");
        var viaRecord = PrivacyRecord.ComposedEpsilon(new AccountantOptions(),
            [new MechanismRecord("m", MeanEmbedding.Adjacency, sigma, 2.0 / 1000, 1.0, 1)], delta);
        Assert.Equal(eps, viaRecord, 12);
    }

    static double AnalyticDelta(double sigma, double eps) =>
        Normal.CDF(0, 1, 1 / (2 * sigma) - eps * sigma) - Math.Exp(eps) * Normal.CDF(0, 1, -1 / (2 * sigma) - eps * sigma);
}
