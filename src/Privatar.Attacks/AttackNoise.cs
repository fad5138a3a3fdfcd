using Privatar.Contracts;
using Privatar.Core;
using Privatar.Noise;
using static TorchSharp.torch;

namespace Privatar.Attacks;

/// <summary>
/// The noise an attacked latent carries: the file the run reads (<see cref="Target"/>, <see cref="Kind"/>), the transform A
/// with noise = A·ε, and for corrected DP the clip of each z_offload row to the bound the noise was calibrated for.
/// </summary>
public sealed class AttackNoise
{
    AttackNoise(NoiseKind kind, NoiseTarget target, double mi, double[,] transform, double? clipBound)
    {
        Kind = kind; Target = target; Mi = mi; Transform = transform; ClipBound = clipBound;
    }

    public NoiseKind Kind { get; }
    public NoiseTarget Target { get; }
    public double Mi { get; }
    public double[,] Transform { get; }
    public double? ClipBound { get; }

    public static AttackNoise Load(string noiseDir, AttackKind attack, NoiseFidelity fidelity, NoiseKind kind, int offloaded, double mi, double dpClipBound)
    {
        var target = AttackInputs.TargetFor(attack, fidelity, offloaded);
        foreach (var f in AttackInputs.Files(attack, fidelity, kind, offloaded, mi))
            if (!File.Exists(Path.Combine(noiseDir, f)))
                throw new FileNotFoundException($"{Path.Combine(noiseDir, f)}: noise file not found (written by the Noise step for fidelity {fidelity.Name()}, MI {NoiseFileNames.Mi(mi)})");
        var transform = NoiseArtifacts.LoadNoiseTransform(noiseDir, kind, target, mi, fidelity);
        // Corrected DP noise is calibrated to a sensitivity of 2C for rows clipped to ‖z‖ ≤ C (DpNoise.Corrected).
        var clip = kind == NoiseKind.Dp && fidelity == NoiseFidelity.Corrected ? dpClipBound : (double?)null;
        return new AttackNoise(kind, target, mi, transform, clip);
    }

    /// <summary>(K, d) float32 latents -> clipped (corrected DP) plus one draw A·ε per row (seeded, or OS CSPRNG under release), float32.</summary>
    public Tensor Apply(Tensor latents, int seed, NoiseMode mode = NoiseMode.Reproducible)
    {
        var z = ToArray(latents);
        if (ClipBound is { } c) z = LatentStatistics.ClipRows(z, c);
        return FromArray(NoiseSampling.AddNoise(z, Transform, seed, mode));
    }

    /// <summary>(K, d) tensor -> double[K, d].</summary>
    public static double[,] ToArray(Tensor t)
    {
        if (t.dim() != 2) throw new ArgumentException($"latents: expected (K, d), got [{string.Join(",", t.shape)}]");
        using var d = t.to(float64).contiguous();
        var flat = d.data<double>().ToArray();
        var (rows, cols) = ((int)t.shape[0], (int)t.shape[1]);
        var a = new double[rows, cols];
        Buffer.BlockCopy(flat, 0, a, 0, flat.Length * sizeof(double));
        return a;
    }

    /// <summary>double[K, d] -> (K, d) float32 tensor.</summary>
    public static Tensor FromArray(double[,] a)
    {
        var flat = new double[a.Length];
        Buffer.BlockCopy(a, 0, flat, 0, flat.Length * sizeof(double));
        using var d = tensor(flat, new long[] { a.GetLength(0), a.GetLength(1) });
        return d.to(float32);
    }
}
