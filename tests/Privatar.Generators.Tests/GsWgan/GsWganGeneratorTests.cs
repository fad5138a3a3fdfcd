using Privatar.Accounting;
using Privatar.Core;
using Privatar.Generators.GsWgan;

namespace Privatar.Generators.Tests.GsWgan;

public sealed class GsWganGeneratorTests
{
    static readonly GsWganSettings Tiny = new(Shards: 4, GeneratorSteps: 6, WarmSteps: 2, BatchSize: 8, CriticSteps: 2, CriticWidth: 4, GeneratorHidden: 16);

    static GeneratorRequest Request(double eps) => new("tiny", TinyData.Set(), eps, 1e-5, 23, new AccountantOptions(), 50);

    [Fact]
    public void Should_Account_One_Subsampled_Gaussian_Per_Generator_Step_At_Rate_One_Over_Shards()
    {
        var output = new GsWganGenerator(Tiny).Generate(Request(3), _ => { });
        var dir = Directory.CreateTempSubdirectory("gswgan").FullName;
        try
        {
            output.Write(dir);
            var (set, privacy) = SyntheticSet.Read(dir);
            Assert.Equal((50, 28, 28), (set.Count, set.Height, set.Width));
            var m = Assert.Single(privacy.Mechanisms);
            Assert.Equal(GsWganGenerator.MechanismName, m.Name);
            Assert.Equal(0.25, m.SampleRate, 15);
            Assert.Equal(6L, m.Steps);
            Assert.Equal(2 * 1.0 * Math.Sqrt(8), m.Sensitivity, 12);
            Assert.Equal(new AccountantOptions().Epsilon(m.NoiseMultiplier, m.SampleRate, m.Steps, 1e-5), privacy.Epsilon, 12);
            Assert.True(privacy.Epsilon <= 3 && privacy.Epsilon > 2.99, $"ε {privacy.Epsilon} for target 3");
            Assert.Null(privacy.ReleasedImages);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Should_Release_Identical_Bytes_From_The_Same_Seed()
    {
        var a = new GsWganGenerator(Tiny).Generate(Request(5), _ => { });
        var b = new GsWganGenerator(Tiny).Generate(Request(5), _ => { });
        Assert.Equal(a.Set.Pixels, b.Set.Pixels);
        Assert.Equal(a.Privacy.ToJson(), b.Privacy.ToJson());
    }

    [Fact]
    public void Should_Refuse_More_Shards_Than_Private_Images()
    {
        var e = Assert.Throws<ArgumentException>(() => new GsWganGenerator(Tiny with { Shards = 201 }).Generate(Request(1), _ => { }));
        Assert.Contains("shards", e.Message);
    }

    // Constants from an independent computation: numerical integration (mpmath quad, 40 digits) of
    // A_α = E_{z~N(0,σ²)}[((1−q) + q·exp((2z−1)/(2σ²)))^α] over Opacus's 150 orders, improved conversion at δ = 1e-5.
    [Theory]
    [InlineData(0.8, 20_000L, 1.56825514883)]     // the paper's schedule (1000 shards, 20k generator steps) at σ = 0.8
    [InlineData(1.07, 640_000L, 4.45024185007)]   // the paper's own numbers composed B·T times, as its autodp call does
    public void Should_Match_An_Independent_Rdp_Integration_At_Rate_One_Over_A_Thousand(double sigma, long steps, double expected)
    {
        var g = new GsWganGenerator(new GsWganSettings(GeneratorSteps: (int)steps));
        Assert.Equal(1e-3, g.SampleRate, 15);
        Assert.Equal(expected, new AccountantOptions().Epsilon(sigma, g.SampleRate, steps, 1e-5), 6);
    }
}
