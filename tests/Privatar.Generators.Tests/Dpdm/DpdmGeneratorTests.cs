using Privatar.Accounting;
using Privatar.Core;
using Privatar.Dpdm.Diffusion;
using Privatar.Dpdm.Network;
using Privatar.Generators.Dpdm;

namespace Privatar.Generators.Tests.Dpdm;

public sealed class DpdmGeneratorTests
{
    /// <summary>A U-Net of two levels (28, 14) with attention at 14, three DP steps of expected batch 40, K = 2, 2 DDIM steps.</summary>
    static readonly DpdmSettings Tiny = new(Nf: 4, ChannelMultipliers: [1, 2], ResBlocks: 1, AttentionResolutions: [14], BatchSize: 40,
        Steps: 3, NoiseLevels: 2, EmaRate: 0.5, SamplerSteps: 2);

    static GeneratorRequest Request(double eps) => new("tiny", TinyData.Set(), eps, 1e-5, 17, new AccountantOptions(), 20);

    [Fact]
    public void Should_Write_The_Shared_Format_With_Epsilon_Recomputed_From_The_Steps_That_Ran()
    {
        var output = new DpdmGenerator(Tiny).Generate(Request(3), _ => { });
        var dir = Directory.CreateTempSubdirectory("dpdm").FullName;
        try
        {
            output.Write(dir);
            var (set, privacy) = SyntheticSet.Read(dir);
            Assert.True(File.Exists(Path.Combine(dir, SyntheticSet.GridFile)));
            Assert.Equal((20, 28, 28), (set.Count, set.Height, set.Width));
            Assert.All(set.Labels.GroupBy(l => l), g => Assert.Equal(2, g.Count()));

            Assert.Equal(DpdmGenerator.Name, privacy.Method);
            var m = Assert.Single(privacy.Mechanisms);
            Assert.Equal(DpdmGenerator.MechanismName, m.Name);
            Assert.Equal(1.0 / 5, m.SampleRate, 15);                              // Opacus schedule: q = 1/⌈200/40⌉
            Assert.Equal(3L, m.Steps);
            Assert.Equal(Tiny.MaxGradNorm, m.Sensitivity);
            Assert.Equal(new AccountantOptions().Epsilon(m.NoiseMultiplier, m.SampleRate, m.Steps, 1e-5), privacy.Epsilon, 12);
            Assert.True(privacy.Epsilon <= 3 && privacy.Epsilon > 2.99, $"ε {privacy.Epsilon} for target 3");
            Assert.Equal(GeneratorStreams.Derive(17, SeedPurpose.GeneratorDpNoise, DpdmGenerator.Name),
                privacy.Seeds.Derived[SeedPurpose.GeneratorDpNoise]);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Should_Draw_Replicates_From_The_Saved_Denoiser_Under_Their_Own_Seeds_At_The_Same_Epsilon()
    {
        var g = new DpdmGenerator(Tiny);
        var release = g.Generate(Request(3), _ => { });
        var root = Directory.CreateTempSubdirectory("dpdm-replicates").FullName;
        try
        {
            var dir = Path.Combine(root, "release");
            release.Write(dir);
            Assert.All(DenoiserCheckpoint.FileNames, f => Assert.True(File.Exists(Path.Combine(dir, f)), f));

            var one = g.Resample(dir, 20, 1, _ => { });
            var again = new DpdmGenerator(Tiny).Resample(dir, 20, 1, _ => { });
            var two = g.Resample(dir, 20, 2, _ => { });
            Assert.Equal(one.Set.Pixels, again.Set.Pixels);                     // a replicate is reproducible
            Assert.NotEqual(one.Set.Pixels, two.Set.Pixels);                     // and replicates differ
            Assert.NotEqual(release.Set.Pixels, one.Set.Pixels);
            Assert.Equal(release.Set.Labels, one.Set.Labels);                    // label-balanced alike

            // sampling is post-processing: the release's mechanisms and ε, marked with the replicate and its stream
            Assert.Equal(1, one.Privacy.Replicate);
            Assert.Equal(release.Privacy.Epsilon, one.Privacy.Epsilon);
            Assert.Equal(release.Privacy.Mechanisms, one.Privacy.Mechanisms);
            var replicateRoot = (ulong)SeedStreams.ReplicateRoot(17, 1);
            Assert.Equal(GeneratorStreams.Derive(replicateRoot, SeedPurpose.GeneratorOutput, DpdmGenerator.Name), one.Privacy.Seeds.Derived[SeedPurpose.GeneratorOutput]);
            Assert.Equal(release.Privacy.Seeds.Derived[SeedPurpose.GeneratorDpNoise], one.Privacy.Seeds.Derived[SeedPurpose.GeneratorDpNoise]);

            // the saved weights are the released ones: a release resampled from its own root draws its own set again
            var denoiser = DenoiserCheckpoint.Read(dir);
            using (denoiser.Network)
                Assert.Equal(release.Set.Pixels, g.Sample(denoiser, 20, 17, _ => { }).Pixels);

            var replicateDir = Path.Combine(root, "r1");
            one.Write(replicateDir);
            Assert.False(File.Exists(Path.Combine(replicateDir, DenoiserCheckpoint.WeightsFile)));
            Assert.Equal(1, SyntheticSet.Read(replicateDir).Privacy.ReplicateNumber);
            Assert.Contains("replicate 1 of a release", Assert.Throws<InvalidDataException>(() => g.Resample(replicateDir, 20, 1, _ => { })).Message);
            Assert.Contains("method 'dpdm', expected 'dpdm-k3'", Assert.Throws<InvalidDataException>(
                () => new DpdmGenerator(Tiny, DpdmGenerator.AblationName(3)).Resample(dir, 20, 1, _ => { })).Message);
            Assert.Throws<ArgumentException>(() => g.Resample(dir, 20, 0, _ => { }));

            File.WriteAllBytes(Path.Combine(dir, DenoiserCheckpoint.WeightsFile), [1, 2, 3]);
            var e = Assert.Throws<InvalidDataException>(() => g.Resample(dir, 20, 1, _ => { }));
            Assert.Contains(DenoiserCheckpoint.WeightsFile, e.Message);
        }
        finally { Directory.Delete(root, true); }
    }

    [Fact]
    public void Should_Recompute_Epsilon_From_The_Steps_Given_Not_From_The_Target()
    {
        var g = new DpdmGenerator(Tiny);
        var r = Request(3);
        var sigma = g.CalibrateSigma(r);
        var full = g.Record(r, sigma, 0.2, 3);
        var fewer = g.Record(r, sigma, 0.2, 1);
        Assert.True(fewer.Epsilon < full.Epsilon, $"1 step: ε {fewer.Epsilon}, 3 steps: ε {full.Epsilon}");
        Assert.Equal(new AccountantOptions().Epsilon(sigma, 0.2, 1, 1e-5), fewer.Epsilon, 12);
        Assert.True(double.IsPositiveInfinity(g.Record(r, 0, 0.2, 3).Epsilon));
    }

    [Fact]
    public void Should_Spend_The_Same_Epsilon_Whatever_K()
    {
        var r = Request(1);
        var one = new DpdmGenerator(Tiny, DpdmGenerator.AblationName(1));
        var many = new DpdmGenerator(Tiny with { NoiseLevels = 32 });
        Assert.Equal(1, one.Settings.NoiseLevels);
        Assert.Equal(32, many.Settings.NoiseLevels);
        Assert.Equal(one.Schedule(200), many.Schedule(200));
        Assert.Equal(one.CalibrateSigma(r), many.CalibrateSigma(r));
        var (q, steps) = many.Schedule(200);
        var a = one.Record(r, one.CalibrateSigma(r), q, steps);
        var b = many.Record(r, many.CalibrateSigma(r), q, steps);
        Assert.Equal(a.Epsilon, b.Epsilon);
        Assert.Equal(a.Mechanisms, b.Mechanisms);
        Assert.Equal("dpdm-k1", a.Method);
        Assert.Equal(a.Seeds.Derived, b.Seeds.Derived);                          // the ablation draws dpdm's streams
    }

    [Fact]
    public void Should_Release_Identical_Bytes_From_The_Same_Seed()
    {
        var a = new DpdmGenerator(Tiny).Generate(Request(5), _ => { });
        var b = new DpdmGenerator(Tiny).Generate(Request(5), _ => { });
        Assert.Equal(a.Set.Pixels, b.Set.Pixels);
        Assert.Equal(a.Privacy.ToJson(), b.Privacy.ToJson());
        var other = new DpdmGenerator(Tiny).Generate(Request(5) with { Seed = 18 }, _ => { });
        Assert.NotEqual(a.Set.Pixels, other.Set.Pixels);
    }

    [Fact]
    public void Should_Read_K_From_An_Ablation_Id_And_Reject_Others()
    {
        Assert.Equal(7, new DpdmGenerator(Tiny, "dpdm-k7").Settings.NoiseLevels);
        Assert.True(DpdmGenerator.IsDpdm("dpdm") && DpdmGenerator.IsDpdm("dpdm-k1"));
        foreach (var bad in new[] { "dpdm-k0", "dpdm-k01", "dpdm-k", "dpdm-kx", "dp-cgan" })
        {
            Assert.False(DpdmGenerator.IsDpdm(bad));
            Assert.Contains(bad, Assert.Throws<ArgumentException>(() => new DpdmGenerator(Tiny, bad)).Message);
        }
    }

    [Fact]
    public void Should_Default_To_The_Papers_Configuration()
    {
        var d = new DpdmSettings();
        Assert.Equal((4096, 300, 32, 3e-4, 0.999, 1.0, 50, 0.0), (d.BatchSize, d.Epochs, d.NoiseLevels, d.LearningRate, d.EmaRate, d.MaxGradNorm, d.SamplerSteps, d.Guidance));
        var (paper, ours) = (Privatar.Dpdm.Network.UNetConfig.Paper28, d.Network(28));
        Assert.Equal((paper.ImageSize, paper.Channels, paper.Nf, paper.ResBlocksPerLevel, paper.Classes), (ours.ImageSize, ours.Channels, ours.Nf, ours.ResBlocksPerLevel, ours.Classes));
        Assert.Equal(paper.ChannelMultipliers, ours.ChannelMultipliers);
        Assert.Equal(paper.AttentionResolutions, ours.AttentionResolutions);
        var (q, steps) = new DpdmGenerator(d).Schedule(60000);
        Assert.Equal((1.0 / 15, 4500L), (q, steps));                             // the paper's q and T
        Assert.Equal(Parameterisation.V, d.ParameterisationFor(0.2));
        Assert.Equal(Parameterisation.Edm, d.ParameterisationFor(1));
    }
}
