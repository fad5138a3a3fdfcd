using Privatar.Training.Noisy;
using Xunit;
using static TorchSharp.torch;

namespace Privatar.Training.Tests.Noisy;

/// <summary>Clipping, the transform A (noise = A·ε) and seeding of the noise put on an offloaded latent.</summary>
public sealed class OffloadNoiseTests
{
    static double[,] Diagonal(params double[] d)
    {
        var a = new double[d.Length, d.Length];
        for (var i = 0; i < d.Length; i++) a[i, i] = d[i];
        return a;
    }

    [Fact]
    public void Clipping_scales_a_row_above_the_bound_onto_it_and_leaves_rows_inside_unchanged()
    {
        using var z = tensor(new float[] { 3, 4, 0, 0.6f, 0.8f, 0, 30, 0, -40 }, new long[] { 3, 3 });   // norms 5, 1, 50
        using var noise = new OffloadNoise(null, clipBound: 2, seed: 1);
        using var clipped = noise.Apply(z);
        var v = clipped.data<float>().ToArray();
        Assert.Equal(new float[] { 1.2f, 1.6f, 0 }, v[..3], (a, b) => Math.Abs(a - b) < 1e-6);   // 5 -> 2, same direction
        Assert.Equal(new float[] { 0.6f, 0.8f, 0 }, v[3..6]);                                     // inside the ball: bit for bit
        Assert.Equal(new float[] { 1.2f, 0, -1.6f }, v[6..], (a, b) => Math.Abs(a - b) < 1e-6);
        using var norms = clipped.norm(1);
        Assert.Equal(new[] { 2.0, 1.0, 2.0 }, norms.data<float>().ToArray().Select(x => (double)x), (a, b) => Math.Abs(a - b) < 1e-6);
    }

    [Fact]
    public void A_zero_transform_returns_the_latent_bit_for_bit()
    {
        using var z = randn(5, 4);
        using var noise = new OffloadNoise(new double[4, 4], null, seed: 3);
        using var same = noise.Apply(z);
        Assert.Equal(z.data<float>().ToArray(), same.data<float>().ToArray());
    }

    [Fact]
    public void The_same_seed_gives_the_same_draws_and_another_seed_other_draws()
    {
        using var z = zeros(3, 4);
        float[] Draw(long seed)
        {
            using var n = new OffloadNoise(Diagonal(1, 2, 3, 4), null, seed);
            using var first = n.Apply(z);
            using var second = n.Apply(z);   // the generator moves on: batches get fresh draws
            return [.. first.data<float>().ToArray(), .. second.data<float>().ToArray()];
        }
        var a = Draw(42);
        Assert.Equal(a, Draw(42));
        Assert.NotEqual(a, Draw(43));
        Assert.NotEqual(a[..12], a[12..]);
    }

    [Fact]
    public void The_noise_has_covariance_A_At_including_a_rotation()
    {
        // A = R·diag(2, 0.5) with R a 30° rotation: Cov = A·Aᵀ has off-diagonal terms the diagonal files cannot express.
        double c = Math.Cos(Math.PI / 6), s = Math.Sin(Math.PI / 6);
        var a = new[,] { { 2 * c, -0.5 * s }, { 2 * s, 0.5 * c } };
        using var noise = new OffloadNoise(a, null, seed: 11);
        using var z = zeros(200_000, 2);
        using var x = noise.Apply(z).to(ScalarType.Float64);
        using var cov = x.t().matmul(x) / x.shape[0];
        var measured = cov.data<double>().ToArray();
        double[] expected = [4 * c * c + 0.25 * s * s, 4 * c * s - 0.25 * s * c, 4 * c * s - 0.25 * s * c, 4 * s * s + 0.25 * c * c];
        Assert.Equal(expected, measured, (e, m) => Math.Abs(e - m) < 0.03);   // 200k draws: standard error ~0.01
    }

    [Fact]
    public void A_transform_of_the_wrong_size_is_refused_naming_both_sizes()
    {
        using var z = zeros(2, 3);
        using var noise = new OffloadNoise(Diagonal(1, 1), null, seed: 1);
        var e = Assert.Throws<ArgumentException>(() => noise.Apply(z));
        Assert.Contains("3 dimensions but the noise transform is 2×2", e.Message);
        Assert.Throws<ArgumentException>(() => new OffloadNoise(null, clipBound: 0, seed: 1));
    }

    [Fact]
    public void Release_noise_ignores_the_seed_and_keeps_the_transform()
    {
        using var z = zeros(20000, 2);
        using var a = new OffloadNoise(Diagonal(2, 0.5), null, seed: 3, Privatar.Core.NoiseMode.Release);
        using var b = new OffloadNoise(Diagonal(2, 0.5), null, seed: 3, Privatar.Core.NoiseMode.Release);
        using var x = a.Apply(z);
        using var y = b.Apply(z);
        Assert.NotEqual(x.data<float>().ToArray()[..4], y.data<float>().ToArray()[..4]);
        using var std = x.std(0);
        var s = std.data<float>().ToArray();
        Assert.InRange(s[0], 2 * 0.97, 2 * 1.03);
        Assert.InRange(s[1], 0.5 * 0.97, 0.5 * 1.03);
    }
}
