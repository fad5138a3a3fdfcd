using Privatar.Core;
using Privatar.Torch;
using TorchSharp;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Torch.Tests;

public class PrivacyNoiseTests
{
    [Fact]
    public void ReproducibleIsTheSeededTorchDrawByteForByte()
    {
        using var scope = NewDisposeScope();
        using var noise = new PrivacyNoise(NoiseMode.Reproducible, 77);
        using var g = new Generator(77);
        var expected = randn([3, 5], generator: g) * 0.7;
        Assert.Equal(expected.data<float>().ToArray(), noise.Gaussian([3, 5], 0.7).data<float>().ToArray());
        using var g2 = new Generator(78);
        using var again = new PrivacyNoise(NoiseMode.Reproducible, 78);
        Assert.Equal(rand(10, dtype: ScalarType.Float64, generator: g2).data<double>().ToArray(), again.Uniform(10).data<double>().ToArray());
    }

    [Fact]
    public void ReleaseIgnoresTheSeedAndKeepsShapeDtypeAndScale()
    {
        using var scope = NewDisposeScope();
        using var a = new PrivacyNoise(NoiseMode.Release, 77);
        using var b = new PrivacyNoise(NoiseMode.Release, 77);
        var x = a.Gaussian([200, 500], 3.0, ScalarType.Float32);
        var y = b.Gaussian([200, 500], 3.0, ScalarType.Float32);
        Assert.Equal(new long[] { 200, 500 }, x.shape);
        Assert.Equal(ScalarType.Float32, x.dtype);
        Assert.NotEqual(x.data<float>().ToArray(), y.data<float>().ToArray());
        Assert.InRange(x.std().ToDouble(), 3.0 * 0.98, 3.0 * 1.02);      // 1e5 draws: relative sd of the std ≈ 0.0022
        using var seeded = new PrivacyNoise(NoiseMode.Reproducible, 77);
        Assert.NotEqual(seeded.Gaussian([200, 500], 3.0).data<float>().ToArray(), x.data<float>().ToArray());
        var u = a.Uniform(1000);
        Assert.Equal(ScalarType.Float64, u.dtype);
        Assert.True(u.min().ToDouble() >= 0 && u.max().ToDouble() < 1);
    }
}
