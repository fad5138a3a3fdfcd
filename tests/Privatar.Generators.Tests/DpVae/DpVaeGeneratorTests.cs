using Privatar.Accounting;
using Privatar.DpSgd.Training;
using Privatar.Generators.DpVae;

namespace Privatar.Generators.Tests.DpVae;

public sealed class DpVaeGeneratorTests
{
    static DpVaeSettings Tiny(Fidelity f) => new(f, new TrainConfig(Epochs: 1, BatchSize: 20), LatentDim: 4);

    static GeneratorRequest Request(double eps) => new("tiny", TinyData.Set(), eps, 1e-5, 17, new AccountantOptions(), 50);

    [Fact]
    public void Should_Compose_DpSgd_And_The_Statistics_Release_To_The_Target_Under_Corrected()
    {
        var output = new DpVaeGenerator(Tiny(Fidelity.Corrected)).Generate(Request(2), _ => { });
        Assert.Equal("dp-vae-corrected", output.Privacy.Method);
        Assert.Equal((50, 28, 28), (output.Set.Count, output.Set.Height, output.Set.Width));
        Assert.All(output.Set.Labels.GroupBy(l => l), g => Assert.Equal(5, g.Count()));
        Assert.Equal(2, output.Privacy.Mechanisms.Count);
        var sgd = output.Privacy.Mechanisms[0];
        Assert.Equal((20.0 / 200, 10L), (sgd.SampleRate, sgd.Steps));
        Assert.True(output.Privacy.Mechanisms[1].NoiseMultiplier > 0);
        Assert.Equal(PrivacyRecord.ComposedEpsilon(new AccountantOptions(), output.Privacy.Mechanisms, 1e-5), output.Privacy.Epsilon, 12);
        Assert.True(output.Privacy.Epsilon <= 2 && output.Privacy.Epsilon > 1.99, $"ε {output.Privacy.Epsilon} for target 2");
    }

    [Fact]
    public void Should_Record_The_Studys_Exact_Statistics_As_An_Infinite_Epsilon_Under_Original()
    {
        var output = new DpVaeGenerator(Tiny(Fidelity.Original)).Generate(Request(2), _ => { });
        Assert.Equal("dp-vae-original", output.Privacy.Method);
        Assert.True(double.IsPositiveInfinity(output.Privacy.Epsilon));
        Assert.Equal(0, output.Privacy.Mechanisms[1].NoiseMultiplier);
        output.Set.Validate("dp-vae-original");
    }

    [Fact]
    public void Should_Release_Identical_Bytes_From_The_Same_Seed()
    {
        var a = new DpVaeGenerator(Tiny(Fidelity.Corrected)).Generate(Request(5), _ => { });
        var b = new DpVaeGenerator(Tiny(Fidelity.Corrected)).Generate(Request(5), _ => { });
        Assert.Equal(a.Set.Pixels, b.Set.Pixels);
        Assert.Equal(a.Privacy.ToJson(), b.Privacy.ToJson());
    }

    [Fact]
    public void Should_Refuse_A_Target_The_Statistics_Release_Alone_Would_Exceed()
    {
        var e = Assert.Throws<ArgumentException>(() => Calibration.Sigma(1, 1e-5, new AccountantOptions(),
            s => [new MechanismRecord("fixed", "add-remove", 0.5, 1, 1, 1), new MechanismRecord("free", "add-remove", s, 1, 0.1, 10)]));
        Assert.Contains("fixed mechanisms alone", e.Message);
    }
}
