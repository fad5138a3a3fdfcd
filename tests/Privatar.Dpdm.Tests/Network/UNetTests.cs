using Privatar.Dpdm.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Tests.Network;

public sealed class UNetTests
{
    [Fact]
    public void Should_Have_The_Papers_Parameter_Count_At_28x28()
    {
        using var net = new UNet(UNetConfig.Paper28, seed: 1);
        var count = net.parameters().Sum(p => p.numel());
        Assert.Equal(1_753_345, count);
    }

    [Fact]
    public void Should_Map_Images_To_Images_Of_The_Same_Shape()
    {
        using var scope = NewDisposeScope();
        using var net = new UNet(UNetConfig.Paper28, seed: 1);
        var x = randn(2, 1, 28, 28);
        var y = tensor(new long[] { 3, UNetConfig.Paper28.NullLabel });
        var f = net.call(x, tensor(new[] { -0.5f, 0.25f }), y);
        Assert.Equal(new long[] { 2, 1, 28, 28 }, f.shape);
        Assert.True(isfinite(f).all().ToBoolean());
    }

    [Fact]
    public void Should_Initialise_Identically_From_The_Same_Seed()
    {
        using var a = new UNet(TinyNets.Config, seed: 7);
        using var b = new UNet(TinyNets.Config, seed: 7);
        using var c = new UNet(TinyNets.Config, seed: 8);
        var pa = a.parameters().ToArray();
        var pb = b.parameters().ToArray();
        var pc = c.parameters().ToArray();
        Assert.All(Enumerable.Range(0, pa.Length), i => Assert.True((pa[i] == pb[i]).all().ToBoolean()));
        Assert.Contains(Enumerable.Range(0, pa.Length), i => !(pa[i] == pc[i]).all().ToBoolean());
    }

    [Fact]
    public void Should_Refuse_A_Size_That_Cannot_Be_Halved_At_Every_Level()
    {
        var e = Assert.Throws<ArgumentException>(() => new UNet(UNetConfig.Paper28 with { ImageSize = 30, ChannelMultipliers = [1, 2, 2] }, 1));
        Assert.Contains("odd size 15", e.Message);
    }
}
