using Privatar.Dpdm.Network;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Tests;

/// <summary>Small denoiser networks and data for fast tests.</summary>
static class TinyNets
{
    /// <summary>nf 8, levels 12² and 6², one block per level, attention at 6², 3 classes: every layer kind of the paper's network.</summary>
    public static UNetConfig Config => new(12, 1, 8, [1, 2], 1, [6], 3);

    public static UNet Float64(ulong seed = 1)
    {
        var net = new UNet(Config, seed);
        net.to(ScalarType.Float64);
        return net;
    }

    /// <summary>n images in [−1, 1] and labels in 0..classes−1.</summary>
    public static (Tensor X, Tensor Y) Data(int n, UNetConfig config, ScalarType dtype, int seed = 3)
    {
        using var g = new Generator((ulong)seed);
        var x = rand([n, config.Channels, config.ImageSize, config.ImageSize], dtype: dtype, generator: g) * 2 - 1;
        var y = randint(0, config.Classes, [n], dtype: ScalarType.Int64, generator: g);
        return (x, y);
    }
}
