using Privatar.Accounting;
using Privatar.DpSgd.Engine;
using Privatar.Dpdm.Diffusion;
using Privatar.Dpdm.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Tests.Training;

/// <summary>K averages an example's gradient over its noise levels before clipping; it changes neither the bound nor ε.</summary>
public sealed class NoiseMultiplicityTests
{
    const double C = 1e-3;   // below every example's norm here, so every example is clipped

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void Should_Bound_Each_Examples_Clipped_Contribution_By_C_Whatever_K(int k)
    {
        using var scope = NewDisposeScope();
        var net = TinyNets.Float64();
        var (x, y) = TinyNets.Data(3, net.Config, ScalarType.Float64);
        using var trainer = new DpdmTrainer(net, new DpdmConfig(3, k, 0, Seed: 2, MaxGradNorm: C), 30);
        var batch = trainer.DrawBatch(x, y);
        using var hooks = HookClipper.Create(net);
        for (var i = 0; i < 3; i++)
        {
            var one = batch.Select(t => t.narrow(0, i, 1)).ToArray();
            var r = hooks.ClipAndSum(one, b => DenoisingLoss.PerExample(trainer.Denoiser, new NoiseLevels(Parameterisation.Edm), b), C);
            var norm = Math.Sqrt(r.Sums.Sum(s => s.square().sum().ToDouble()));
            Assert.True(r.Norms.ToDouble() > C, "the example must be clipped for the bound to be tested");
            Assert.True(norm <= C * (1 + 1e-9), $"example {i}, K = {k}: clipped contribution {norm} > C = {C}");
            Assert.True(norm >= C * (1 - 1e-3), $"example {i}: a clipped contribution has norm C (got {norm})");
        }
    }

    [Fact]
    public void Should_Clip_The_Mean_Over_K_Not_Each_Noise_Level()
    {
        using var scope = NewDisposeScope();
        const int k = 4;
        var net = TinyNets.Float64();
        var (x, y) = TinyNets.Data(1, net.Config, ScalarType.Float64);
        using var trainer = new DpdmTrainer(net, new DpdmConfig(1, k, 0, Seed: 3), 10);
        var batch = trainer.DrawBatch(x, y);
        var levels = new NoiseLevels(Parameterisation.Edm);
        PerSampleLoss loss = b => DenoisingLoss.PerExample(trainer.Denoiser, levels, b);
        using var hooks = HookClipper.Create(net);

        // Each noise level alone, unclipped, then averaged and clipped by hand.
        var perLevel = Enumerable.Range(0, k).Select(j =>
            hooks.ClipAndSum([batch[0], batch[1], batch[2].narrow(1, j, 1), batch[3].narrow(1, j, 1)], loss, 1e9).Sums).ToArray();
        var mean = Enumerable.Range(0, perLevel[0].Length).Select(p => perLevel.Select(g => g[p]).Aggregate((a, b) => a + b) / k).ToArray();
        var meanNorm = Math.Sqrt(mean.Sum(g => g.square().sum().ToDouble()));
        var factor = Math.Min(1, C / (meanNorm + 1e-6));
        Assert.True(factor < 1);

        var together = hooks.ClipAndSum(batch, loss, C);
        Assert.Equal(meanNorm, together.Norms.ToDouble(), 1e-9 * meanNorm);
        for (var p = 0; p < mean.Length; p++)
            Assert.True((together.Sums[p] - mean[p] * factor).abs().max().ToDouble() <= 1e-9 * C);
        // Clipping each level first would give a different (and larger-bounded) sum: the order matters.
        var perLevelNorms = perLevel.Select(g => Math.Sqrt(g.Sum(t => t.square().sum().ToDouble()))).ToArray();
        Assert.True(perLevelNorms.Average() > meanNorm * (1 + 1e-3));
    }

    [Fact]
    public void Should_Report_The_Same_Epsilon_For_Any_K_At_The_Same_Sigma_Q_And_Steps()
    {
        const int steps = 3;
        const double sigma = 1.3;
        const int n = 24;
        var eps = new List<double>();
        foreach (var k in new[] { 1, 4 })
        {
            using var scope = NewDisposeScope();
            var net = TinyNets.Float64();
            var (x, y) = TinyNets.Data(n, net.Config, ScalarType.Float64);
            using var trainer = new DpdmTrainer(net, new DpdmConfig(BatchSize: 6, NoiseLevelsPerExample: k, NoiseMultiplier: sigma, Seed: 1), n);
            for (var s = 0; s < steps; s++) trainer.Step(x, y);
            Assert.Equal([new MechanismSteps(sigma, 0.25, steps)], trainer.Accountant.History);
            eps.Add(trainer.Accountant.GetEpsilon(1e-5));
        }
        Assert.Equal(eps[0], eps[1]);
        Assert.Equal(new AccountantOptions().Epsilon(sigma, 0.25, steps, 1e-5), eps[0]);
    }
}
