using Privatar.Dpdm.Diffusion;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Tests.Diffusion;

public sealed class PreconditioningTests
{
    static readonly double Sd = Math.Sqrt(1.0 / 3);

    [Fact]
    public void Should_Give_EDMs_Scalings_With_Sigma_Data_Root_One_Third()
    {
        using var scope = NewDisposeScope();
        var sigma = tensor(new[] { 0.5, 2.0 }, ScalarType.Float64).reshape(-1, 1, 1, 1);
        var c = Preconditioning.For(Parameterisation.Edm, sigma);
        for (var i = 0; i < 2; i++)
        {
            var s = i == 0 ? 0.5 : 2.0;
            Close(Sd * Sd / (s * s + Sd * Sd), c.CSkip[i].ToDouble());
            Close(s * Sd / Math.Sqrt(Sd * Sd + s * s), c.COut[i].ToDouble());
            Close(1 / Math.Sqrt(Sd * Sd + s * s), c.CIn[i].ToDouble());
            Close(0.25 * Math.Log(s), c.CNoise[i].ToDouble());
        }
    }

    [Fact]
    public void Should_Give_The_V_Scalings()
    {
        using var scope = NewDisposeScope();
        var c = Preconditioning.For(Parameterisation.V, tensor(new[] { 1.0 }, ScalarType.Float64).reshape(-1, 1, 1, 1));
        Close(0.5, c.CSkip.ToDouble());
        Close(1 / Math.Sqrt(2), c.COut.ToDouble());
        Close(1 / Math.Sqrt(2), c.CIn.ToDouble());
        Close(0.5, c.CNoise.ToDouble());   // 2·arccos(1/√2)/π
    }

    [Theory]
    [InlineData(Parameterisation.Edm)]
    [InlineData(Parameterisation.V)]
    public void Should_Weight_The_Loss_So_That_The_Network_Target_Has_Unit_Weight(Parameterisation kind)
    {
        // w(σ)·c_out(σ)² = 1: the loss on F's target is unit-weighted at every σ (EDM's choice of λ).
        using var scope = NewDisposeScope();
        var sigma = tensor(new[] { 0.002, 0.1, 1.0, 10.0, 80.0 }, ScalarType.Float64).reshape(-1, 1, 1, 1);
        var c = Preconditioning.For(kind, sigma);
        var product = new NoiseLevels(kind).Weight(sigma) * c.COut.square();
        Assert.True((product - 1).abs().max().ToDouble() < 1e-9);
    }

    [Fact]
    public void Should_Draw_EDM_Noise_Levels_Log_Normally()
    {
        using var scope = NewDisposeScope();
        using var g = new Generator(4);
        var log = new NoiseLevels(Parameterisation.Edm).Sample([200_000], g, ScalarType.Float64).log();
        Assert.InRange(log.mean().ToDouble(), -1.21, -1.19);
        Assert.InRange(log.std().ToDouble(), 1.19, 1.21);
    }

    [Fact]
    public void Should_Draw_V_Noise_Levels_Within_The_Log_Snr_Range()
    {
        // log-SNR = −2 ln σ, so logsnr ∈ [−9, 13] means σ ∈ [e^−6.5, e^4.5].
        using var scope = NewDisposeScope();
        using var g = new Generator(4);
        var sigma = new NoiseLevels(Parameterisation.V).Sample([100_000], g, ScalarType.Float64);
        Assert.True(sigma.min().ToDouble() >= Math.Exp(-6.5) * (1 - 1e-9));
        Assert.True(sigma.max().ToDouble() <= Math.Exp(4.5) * (1 + 1e-9));
        Assert.True(sigma.min().ToDouble() < Math.Exp(-6.4) && sigma.max().ToDouble() > Math.Exp(4.4));
    }

    static void Close(double expected, double actual) => Assert.True(Math.Abs(expected - actual) <= 1e-12 * Math.Max(1, Math.Abs(expected)), $"{expected} vs {actual}");
}
