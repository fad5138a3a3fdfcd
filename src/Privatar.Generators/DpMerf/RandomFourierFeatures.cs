using static TorchSharp.torch;

namespace Privatar.Generators.DpMerf;

/// <summary>
/// Random Fourier features of the Gaussian kernel k(x, y) = exp(−‖x − y‖² / (2s)) (Rahimi–Recht): frequencies
/// W (D/2, d) ~ N(0, I/s), φ(x) = [cos(xWᵀ), sin(xWᵀ)] / √(D/2), so φ(x)·φ(y) → k(x, y) and ‖φ(x)‖ = 1 exactly.
/// s is DP-MERF's <c>rff_sigma</c> (its code divides the standard normal draws by √s).
/// </summary>
public sealed class RandomFourierFeatures : IDisposable
{
    public RandomFourierFeatures(int inputDim, int features, double kernelVariance, ulong seed, ScalarType dtype = ScalarType.Float32)
    {
        if (features < 2 || features % 2 != 0) throw new ArgumentException($"rff features D: expected an even number >= 2, got {features}");
        if (!(kernelVariance > 0)) throw new ArgumentException($"rff_sigma: expected > 0, got {kernelVariance}");
        Features = features;
        KernelVariance = kernelVariance;
        using var g = new Generator(seed);
        Frequencies = (randn([features / 2, inputDim], dtype: ScalarType.Float64, generator: g) / Math.Sqrt(kernelVariance))
            .to_type(dtype).DetachFromDisposeScope();
    }

    public int Features { get; }

    public double KernelVariance { get; }

    /// <summary>W, (D/2, d).</summary>
    public Tensor Frequencies { get; }

    /// <summary>(n, d) → (n, D), each row of unit L2 norm; differentiable in x.</summary>
    public Tensor Map(Tensor x)
    {
        var proj = x.flatten(1).mm(Frequencies.t());
        return cat([proj.cos(), proj.sin()], 1) / Math.Sqrt(Features / 2.0);
    }

    /// <summary>The exact kernel matrix (n, m) this map approximates.</summary>
    public Tensor ExactKernel(Tensor x, Tensor y) => (-cdist(x.flatten(1), y.flatten(1)).square() / (2 * KernelVariance)).exp();

    public void Dispose() => Frequencies.Dispose();
}
