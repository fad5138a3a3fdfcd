using Privatar.Core;
using static TorchSharp.torch;

namespace Privatar.Torch;

/// <summary>
/// The privacy-noise source of one stream. Reproducible: <c>randn · std</c> from a torch generator seeded with the
/// stream's derived seed (today's draws, byte for byte). Release: <see cref="SecureGaussian"/> values from the OS
/// CSPRNG (no generator, no seed), copied into a tensor of the requested dtype.
/// </summary>
public sealed class PrivacyNoise : IDisposable
{
    readonly Generator? generator;

    public PrivacyNoise(NoiseMode mode, ulong seed, Device? device = null)
    {
        Mode = mode;
        if (mode == NoiseMode.Reproducible) generator = device is null ? new Generator(seed) : new Generator(seed, device);
    }

    public NoiseMode Mode { get; }

    /// <summary>N(0, std²) in every entry of a new tensor of <paramref name="shape"/>.</summary>
    public Tensor Gaussian(long[] shape, double std, ScalarType dtype = ScalarType.Float32, Device? device = null)
    {
        if (generator is not null) return randn(shape, dtype: dtype, device: device, generator: generator) * std;
        var count = shape.Aggregate(1L, (a, b) => a * b);
        var values = SecureGaussian.Sample(checked((int)count), std);
        using var t = tensor(values, shape, ScalarType.Float64);
        return t.to(dtype, device ?? CPU);
    }

    /// <summary>Uniforms in [0, 1) (float64) for Poisson sampling: the generator's, or the OS CSPRNG's under release.</summary>
    public Tensor Uniform(long count)
    {
        if (generator is not null) return rand(count, dtype: ScalarType.Float64, generator: generator);
        var values = new double[count];
        SecureGaussian.Uniforms(values);
        return tensor(values, ScalarType.Float64);
    }

    public void Dispose() => generator?.Dispose();
}
