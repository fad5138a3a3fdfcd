using Privatar.Dpdm.Diffusion;
using Privatar.Dpdm.Network;
using Privatar.Dpdm.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Tests.Sampling;

public sealed class SamplerTests
{
    [Fact]
    public void Should_Space_Sigmas_On_The_Rho_Schedule_From_Tmax_To_Tmin()
    {
        var s = new SamplerConfig().Sigmas();
        Assert.Equal(50, s.Length);
        Assert.Equal(80, s[0], 1e-9);
        Assert.Equal(0.002, s[^1], 1e-12);
        Assert.True(s.Zip(s.Skip(1)).All(p => p.First > p.Second));
    }

    public static TheoryData<SamplerConfig> Configs() => new()
    {
        new SamplerConfig(Steps: 5),
        new SamplerConfig(Steps: 5, Guidance: 1.5),
        new SamplerConfig(Steps: 5, Stochastic: true),
        new SamplerConfig(SamplerKind.Edm, Steps: 5, SChurn: 100, SMin: 0.05, SMax: 50),
    };

    [Theory]
    [MemberData(nameof(Configs))]
    public void Should_Return_Label_Conditional_Images_In_The_Unit_Range_Reproducibly(SamplerConfig config)
    {
        using var scope = NewDisposeScope();
        var cfg = new UNetConfig(28, 1, 8, [1, 2], 1, [14], 10);
        var denoiser = new Denoiser(new UNet(cfg, 2), Parameterisation.Edm);
        var labels = arange(0, 10, dtype: ScalarType.Int64).repeat(2);
        var a = DiffusionSampler.SampleUnit(denoiser, labels, config with { BatchSize = 7 }, seed: 11);
        var b = DiffusionSampler.SampleUnit(denoiser, labels, config with { BatchSize = 7 }, seed: 11);
        Assert.Equal(20 * 28 * 28, a.Length);
        Assert.All(a, v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(a, b);
        Assert.NotEqual(a, DiffusionSampler.SampleUnit(denoiser, labels, config, seed: 12));
    }

    [Fact]
    public void Should_Give_Finite_Samples_From_An_Untrained_Network()
    {
        using var scope = NewDisposeScope();
        var cfg = new UNetConfig(28, 1, 8, [1, 2], 1, [14], 10);
        var denoiser = new Denoiser(new UNet(cfg, 2), Parameterisation.Edm);
        var x = DiffusionSampler.Sample(denoiser, zeros(3, dtype: ScalarType.Int64), new SamplerConfig(Steps: 10), 1);
        Assert.Equal(new long[] { 3, 1, 28, 28 }, x.shape);
        Assert.True(isfinite(x).all().ToBoolean());
    }
}
