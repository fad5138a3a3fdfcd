using Privatar.Dpdm.Network;
using Privatar.Dpdm.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Tests.Training;

public sealed class TrainerTests
{
    [Fact]
    public void Should_Take_The_Hook_Route_And_Move_The_Weights_And_The_Ema()
    {
        using var scope = NewDisposeScope();
        var net = new UNet(TinyNets.Config, 1);
        var (x, y) = TinyNets.Data(16, net.Config, ScalarType.Float32);
        using var trainer = new DpdmTrainer(net, new DpdmConfig(BatchSize: 8, NoiseLevelsPerExample: 2, NoiseMultiplier: 1.0, Seed: 4, EmaRate: 0.5), 16);
        Assert.Equal("hooks", trainer.Route);
        var before = net.parameters().Select(p => p.detach().clone()).ToArray();
        var stats = trainer.Step(x, y);
        Assert.True(stats.BatchSize > 0 && double.IsFinite(stats.MeanLoss));
        Assert.NotNull(stats.Clip);   // the hook route reports where its time went
        Assert.All(new[] { stats.Clip.ForwardMs, stats.Clip.BackwardMs, stats.Clip.PerExampleMs, stats.Clip.ClipSumMs, stats.NoiseMs, stats.UpdateMs },
            ms => Assert.True(ms >= 0));
        var after = net.parameters().ToArray();
        Assert.Contains(Enumerable.Range(0, after.Length), i => !(after[i] == before[i]).all().ToBoolean());
        // EMA at rate ½ after one step: halfway between the start and the new weights.
        for (var i = 0; i < after.Length; i++)
            Assert.True((trainer.Ema.Shadow[i] - (before[i] + after[i]) / 2).abs().max().ToDouble() < 1e-6);
    }

    [Fact]
    public void Should_Replace_About_A_Tenth_Of_The_Labels_By_The_Null_Label()
    {
        using var scope = NewDisposeScope();
        var net = new UNet(TinyNets.Config, 1);
        var (x, y) = TinyNets.Data(4000, net.Config, ScalarType.Float32);
        using var trainer = new DpdmTrainer(net, new DpdmConfig(64, 1, 1.0, Seed: 4), 4000);
        var labels = trainer.DrawBatch(x, y)[1];
        var nulls = (labels == net.Config.NullLabel).sum().ToInt64();
        Assert.InRange(nulls, 320, 480);
        Assert.True((labels == y).logical_or(labels == net.Config.NullLabel).all().ToBoolean());
    }

    [Fact]
    public void Should_Reproduce_A_Step_From_The_Same_Seed()
    {
        float[] Run()
        {
            using var scope = NewDisposeScope();
            var net = new UNet(TinyNets.Config, 1);
            var (x, y) = TinyNets.Data(16, net.Config, ScalarType.Float32);
            using var trainer = new DpdmTrainer(net, new DpdmConfig(8, 2, 1.0, Seed: 9), 16);
            trainer.Step(x, y);
            return net.parameters().First().detach().data<float>().ToArray();
        }
        Assert.Equal(Run(), Run());
    }
}
