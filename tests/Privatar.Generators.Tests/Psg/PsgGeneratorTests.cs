using Privatar.Accounting;
using Privatar.Core;
using Privatar.Generators.Psg;

namespace Privatar.Generators.Tests.Psg;

public sealed class PsgGeneratorTests
{
    static readonly PsgSettings Tiny = new(SamplesPerClass: 1, Iterations: 3, BatchReal: 8, NetWidth: 16);

    static GeneratorRequest Request(double eps) => new("tiny", TinyData.Set(), eps, 1e-5, 29, new AccountantOptions(), 60_000);

    [Fact]
    public void Should_Release_The_Set_Itself_And_Say_So_With_Epsilon_Recomputed()
    {
        var output = new PsgGenerator(Tiny).Generate(Request(3), _ => { });
        var dir = Directory.CreateTempSubdirectory("psg").FullName;
        try
        {
            output.Write(dir);
            var (set, privacy) = SyntheticSet.Read(dir);
            Assert.Equal(10, set.Count);                                          // 1 per class, not the 60,000 requested
            Assert.Equal(10, privacy.ReleasedImages);
            Assert.Equal(Enumerable.Range(0, 10).Select(c => (long)c), set.Labels);
            var m = Assert.Single(privacy.Mechanisms);
            Assert.Equal(PsgGenerator.MechanismName, m.Name);
            Assert.Equal(8.0 / 20, m.SampleRate, 15);                             // 20 examples per class in TinyData
            Assert.Equal(3L * 1, m.Steps);                                        // iterations × outer loop (1 at spc 1)
            Assert.Equal(Tiny.MaxGradNorm, m.Sensitivity);
            Assert.Equal(new AccountantOptions().Epsilon(m.NoiseMultiplier, m.SampleRate, m.Steps, 1e-5), privacy.Epsilon, 12);
            Assert.True(privacy.Epsilon <= 3 && privacy.Epsilon > 2.99, $"ε {privacy.Epsilon} for target 3");
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Should_Release_Identical_Bytes_From_The_Same_Seed()
    {
        var a = new PsgGenerator(Tiny).Generate(Request(5), _ => { });
        var b = new PsgGenerator(Tiny).Generate(Request(5), _ => { });
        Assert.All(a.Set.Pixels, p => Assert.True(float.IsFinite(p)));
        Assert.Equal(a.Set.Pixels, b.Set.Pixels);
        Assert.Equal(a.Privacy.ToJson(), b.Privacy.ToJson());
    }

    [Fact]
    public void Should_Take_Dataset_Condensations_Loops_And_Refuse_Other_Set_Sizes()
    {
        Assert.Equal((10, 50), (new PsgSettings().OuterLoop, new PsgSettings().InnerLoop));
        Assert.Equal((20, 25), (new PsgSettings(SamplesPerClass: 20).OuterLoop, new PsgSettings(SamplesPerClass: 20).InnerLoop));
        var e = Assert.Throws<ArgumentException>(() => new PsgSettings(SamplesPerClass: 7).Validate());
        Assert.Contains("samples_per_class", e.Message);
    }

    // Constant from an independent computation: numerical integration (mpmath quad, 40 digits) of
    // A_α = E_{z~N(0,σ²)}[((1−q) + q·exp((2z−1)/(2σ²)))^α] over Opacus's 150 orders, improved conversion at δ = 1e-5.
    [Fact]
    public void Should_Account_At_The_Largest_Class_Rate_And_Match_An_Independent_Rdp_Integration()
    {
        // MNIST's training classes: the smallest (digit 5) has 5421 images, so q = 256/5421; 1000 iterations × 10 outer loops.
        long[] mnist = [5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949];
        var (q, steps) = new PsgGenerator(new PsgSettings()).Schedule(mnist);
        Assert.Equal(256.0 / 5421, q, 15);
        Assert.Equal(10_000L, steps);
        Assert.Equal(8.35776887686, new AccountantOptions().Epsilon(3.0, q, steps, 1e-5), 6);
    }
}
