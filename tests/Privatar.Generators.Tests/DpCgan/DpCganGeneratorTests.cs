using Privatar.Accounting;
using Privatar.Core;
using Privatar.Generators.DpCgan;

namespace Privatar.Generators.Tests.DpCgan;

public sealed class DpCganGeneratorTests
{
    static readonly DpCganSettings Tiny = new(NoiseDim: 8, GeneratorHidden: 16, DiscriminatorHidden: 16, BatchSize: 40, Epochs: 2);

    static GeneratorRequest Request(double eps) => new("tiny", TinyData.Set(), eps, 1e-5, 17, new AccountantOptions(), 50);

    [Fact]
    public void Should_Write_The_Shared_Format_With_Epsilon_Recomputed_From_The_Steps_That_Ran()
    {
        var output = new DpCganGenerator(Tiny).Generate(Request(3), _ => { });
        var dir = Directory.CreateTempSubdirectory("dpcgan").FullName;
        try
        {
            output.Write(dir);
            var (set, privacy) = SyntheticSet.Read(dir);
            Assert.Equal((50, 28, 28), (set.Count, set.Height, set.Width));
            Assert.All(set.Labels.GroupBy(l => l), g => Assert.Equal(5, g.Count()));

            var m = Assert.Single(privacy.Mechanisms);
            Assert.Equal(DpCganGenerator.MechanismName, m.Name);
            Assert.Equal(40.0 / 200, m.SampleRate, 15);
            Assert.Equal(2L * 5, m.Steps);                                        // 2 epochs of round(1/q) = 5 steps
            Assert.Equal(Tiny.MaxGradNorm, m.Sensitivity);
            Assert.Equal(new AccountantOptions().Epsilon(m.NoiseMultiplier, m.SampleRate, m.Steps, 1e-5), privacy.Epsilon, 12);
            Assert.True(privacy.Epsilon <= 3 && privacy.Epsilon > 2.99, $"ε {privacy.Epsilon} for target 3");
            Assert.Equal(GeneratorStreams.Derive(17, SeedPurpose.GeneratorDpNoise, DpCganGenerator.Name),
                privacy.Seeds.Derived[SeedPurpose.GeneratorDpNoise]);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Should_Release_Identical_Bytes_From_The_Same_Seed()
    {
        var a = new DpCganGenerator(Tiny).Generate(Request(5), _ => { });
        var b = new DpCganGenerator(Tiny).Generate(Request(5), _ => { });
        Assert.Equal(a.Set.Pixels, b.Set.Pixels);
        Assert.Equal(a.Privacy.ToJson(), b.Privacy.ToJson());
        var other = new DpCganGenerator(Tiny).Generate(Request(5) with { Seed = 18 }, _ => { });
        Assert.NotEqual(a.Set.Pixels, other.Set.Pixels);
    }

    [Fact]
    public void Should_Need_More_Noise_For_A_Smaller_Budget()
    {
        var g = new DpCganGenerator(Tiny);
        Assert.True(g.CalibrateSigma(Request(0.2)) > g.CalibrateSigma(Request(1)));
    }
}
