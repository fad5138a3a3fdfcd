using Privatar.Accounting;
using Privatar.Core;
using Privatar.Generators.Pate;

namespace Privatar.Generators.Tests.Pate;

/// <summary>Both ensemble generators end to end on a tiny set: shared format, recomputed ε, same bytes from the same seed.</summary>
public sealed class PateGeneratorTests
{
    public PateGeneratorTests() => TorchThreads.One();

    static readonly EnsembleSettings Tiny = new(Teachers: 5, TeacherHidden: 8, TeacherBatch: 4, Steps: 3, StudentBatch: 6, NoiseDim: 8, GeneratorHidden: 16);

    static GeneratorRequest Request(double eps, ulong seed = 17) => new("tiny", TinyData.Set(), eps, 1e-5, seed, new AccountantOptions(), 50);

    static IImageGenerator GPate => new GPateGenerator(new GPateSettings(Tiny, ProjectionDims: 3, Bins: 4));

    static IImageGenerator DataLens => new DataLensGenerator(new DataLensSettings(Tiny, TopK: 20));

    [Fact]
    public void GPate_Should_Charge_Every_Query_Its_Threshold_Check_And_Its_Noisy_Argmax()
    {
        var output = GPate.Generate(Request(3), _ => { });
        var p = output.Privacy;
        Assert.Equal((50, 28, 28), (output.Set.Count, output.Set.Height, output.Set.Width));
        Assert.Equal(["gnmax_threshold_check", "gnmax_noisy_argmax"], p.Mechanisms.Select(m => m.Name));
        Assert.All(p.Mechanisms, m => Assert.Equal((1.0, 3L * 6 * 3), (m.SampleRate, m.Steps)));   // steps × batch × projection dims
        var (check, argmax) = (p.Mechanisms[0], p.Mechanisms[1]);
        Assert.Equal(Math.Sqrt(2), argmax.Sensitivity, 15);
        Assert.Equal(4.0, check.NoiseStd / argmax.NoiseStd, 12);                                   // σ1 = 4 σ2
        var direct = VoteAggregationRdp.Compose(a => VoteAggregationRdp.ConfidentGnMax(a, check.NoiseStd, argmax.NoiseStd), check.Steps, 1e-5);
        Assert.Equal(direct.Epsilon, p.Epsilon, 9);
        Assert.True(p.Epsilon <= 3 && p.Epsilon > 2.99, $"ε {p.Epsilon} for target 3");
    }

    [Fact]
    public void DataLens_Should_Charge_Every_Sample_The_Sign_Sum_At_Sensitivity_2_Root_k()
    {
        var p = DataLens.Generate(Request(3), _ => { }).Privacy;
        var m = Assert.Single(p.Mechanisms);
        Assert.Equal((DataLensGenerator.MechanismName, 1.0, 3L * 6), (m.Name, m.SampleRate, m.Steps));
        Assert.Equal(2 * Math.Sqrt(20), m.Sensitivity, 12);
        var direct = VoteAggregationRdp.Compose(a => VoteAggregationRdp.SignSum(a, m.NoiseStd, 20), m.Steps, 1e-5);
        Assert.Equal(direct.Epsilon, p.Epsilon, 9);
        Assert.True(p.Epsilon <= 3 && p.Epsilon > 2.99, $"ε {p.Epsilon} for target 3");
        Assert.Equal(GeneratorStreams.Derive(17, EnsembleTraining.PartitionPurpose, DataLensGenerator.Name), p.Seeds.Derived[EnsembleTraining.PartitionPurpose]);
    }

    [Fact]
    public void Should_Release_Identical_Bytes_From_The_Same_Seed()
    {
        foreach (var make in new Func<IImageGenerator>[] { () => GPate, () => DataLens })
        {
            var a = make().Generate(Request(5), _ => { });
            var b = make().Generate(Request(5), _ => { });
            Assert.Equal(a.Set.Pixels, b.Set.Pixels);
            Assert.Equal(a.Privacy.ToJson(), b.Privacy.ToJson());
            Assert.NotEqual(a.Set.Pixels, make().Generate(Request(5, seed: 18), _ => { }).Set.Pixels);
        }
    }

    [Fact]
    public void Should_Write_The_Shared_Format()
    {
        var output = DataLens.Generate(Request(1), _ => { });
        var dir = Directory.CreateTempSubdirectory("datalens").FullName;
        try
        {
            output.Write(dir);
            var (set, privacy) = SyntheticSet.Read(dir);
            Assert.All(set.Labels.GroupBy(l => l), g => Assert.Equal(5, g.Count()));
            Assert.Equal(output.Privacy.Epsilon, privacy.Epsilon);
            Assert.True(File.Exists(Path.Combine(dir, SyntheticSet.GridFile)));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Should_Name_The_Gap_When_The_Ensemble_Outnumbers_The_Private_Set()
    {
        var e = Assert.Throws<ArgumentException>(() => new DataLensGenerator(new DataLensSettings(Tiny with { Teachers = 500 })).Generate(Request(1), _ => { }));
        Assert.Contains("500 teachers for 200 private images", e.Message);
    }
}
