using Privatar.Generators.GsWgan;
using Privatar.Generators.Psg;
using Privatar.Synthesis.Runs;

namespace Privatar.Synthesis.Tests.Runs;

public sealed class MethodOptionsTests
{
    [Fact]
    public void Should_Build_GsWgan_And_Psg_From_Their_Options_And_Keep_The_Papers_Defaults_Otherwise()
    {
        var gan = Assert.IsType<GsWganGenerator>(Methods.Create("gs-wgan", new MethodOptions(Iterations: 500, Shards: 100, MaxGradNorm: 0.5)));
        Assert.Equal(new GsWganSettings() with { GeneratorSteps = 500, Shards = 100, Clip = 0.5 }, gan.Settings);
        var psg = Assert.IsType<PsgGenerator>(Methods.Create("psg", new MethodOptions(SamplesPerClass: 20, Lr: 0.2, NetLr: 0.05, NetWidth: 32)));
        Assert.Equal(new PsgSettings() with { SamplesPerClass = 20, LrImage = 0.2, LrNet = 0.05, NetWidth = 32 }, psg.Settings);
        Assert.Contains("gs-wgan", Methods.All);
        Assert.Contains("psg", Methods.All);
    }

    [Fact]
    public void Should_Refuse_An_Option_The_Method_Does_Not_Read()
    {
        var e = Assert.Throws<ArgumentException>(() => Methods.Create("psg", new MethodOptions(Shards: 10)));
        Assert.Contains("Shards", e.Message);
        e = Assert.Throws<ArgumentException>(() => Methods.Create("gs-wgan", new MethodOptions(SamplesPerClass: 10)));
        Assert.Contains("SamplesPerClass", e.Message);
    }
}
