using Privatar.Accounting;
using Privatar.Core;
using Privatar.Generators.DpMerf;
using Privatar.Mnist;

namespace Privatar.Generators.Tests.DpMerf;

public sealed class DpMerfGeneratorTests
{
    static readonly DpMerfSettings Tiny = new(Features: 200, Hidden: 32, BatchSize: 20, Epochs: 2);

    static GeneratorRequest Request(double eps) => new("tiny", TinyData.Set(), eps, 1e-5, 17, new AccountantOptions(), 50);

    [Fact]
    public void Should_Write_The_Shared_Format_With_A_Recomputed_Epsilon()
    {
        var output = new DpMerfGenerator(Tiny).Generate(Request(2), _ => { });
        var dir = Directory.CreateTempSubdirectory("dpmerf").FullName;
        try
        {
            output.Write(dir);
            var (set, privacy) = SyntheticSet.Read(dir);
            Assert.Equal(50, set.Count);
            Assert.Equal(Enumerable.Range(0, 10).Select(c => 5), set.Labels.GroupBy(l => l).OrderBy(g => g.Key).Select(g => g.Count()));
            Assert.True(File.Exists(Path.Combine(dir, SyntheticSet.GridFile)));

            var m = Assert.Single(privacy.Mechanisms);
            Assert.Equal(2.0 / 200, m.Sensitivity, 15);
            Assert.Equal((1.0, 1L), (m.SampleRate, m.Steps));
            Assert.Equal(new AccountantOptions().Epsilon(m.NoiseMultiplier, 1.0, 1, 1e-5), privacy.Epsilon, 12);
            Assert.True(privacy.Epsilon <= 2 && privacy.Epsilon > 1.99, $"ε {privacy.Epsilon} for target 2");
            Assert.Equal(2, privacy.TargetEpsilon);
            Assert.Equal(GeneratorStreams.Derive(17, SeedPurpose.GeneratorRelease, DpMerfGenerator.Name), privacy.Seeds.Derived[SeedPurpose.GeneratorRelease]);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Should_Release_Identical_Bytes_From_The_Same_Seed()
    {
        var a = new DpMerfGenerator(Tiny).Generate(Request(5), _ => { });
        var b = new DpMerfGenerator(Tiny).Generate(Request(5), _ => { });
        Assert.Equal(a.Set.Pixels, b.Set.Pixels);
        Assert.Equal(a.Privacy.ToJson(), b.Privacy.ToJson());
        Assert.Contains("reproducible run: not a DP release", a.Privacy.ToJson());
    }

    [Fact]
    public void Should_Release_Fresh_Noise_And_Record_No_Release_Seed_In_Release_Mode()
    {
        var request = Request(5) with { Noise = Privatar.Core.NoiseMode.Release };
        var a = new DpMerfGenerator(Tiny).Generate(request, _ => { });
        var b = new DpMerfGenerator(Tiny).Generate(request, _ => { });
        Assert.NotEqual(a.Set.Pixels, b.Set.Pixels);                  // same root seed, fresh embedding noise
        Assert.DoesNotContain("release", a.Privacy.Seeds.Derived.Keys);
        Assert.Equal(a.Privacy.Epsilon, b.Privacy.Epsilon);
        Assert.DoesNotContain("not a DP release", a.Privacy.ToJson());
    }

    [Fact]
    public void Should_Need_More_Noise_For_A_Smaller_Budget()
    {
        Assert.True(DpMerfGenerator.CalibrateSigma(Request(0.2)) > DpMerfGenerator.CalibrateSigma(Request(1)));
    }
}
