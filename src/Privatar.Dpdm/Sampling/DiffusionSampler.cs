using Privatar.Dpdm.Diffusion;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Sampling;

/// <summary>DPDM's samplers (samplers.py): label-conditional, with classifier-free guidance (1 + w)·D(x, y) − w·D(x, ∅).</summary>
public static class DiffusionSampler
{
    /// <summary>
    /// N images for <paramref name="labels"/> (N, int64) as a float array N×C×H×W in [0, 1] (the data space x·2 − 1
    /// mapped back and clamped); the noise comes from a generator seeded with <paramref name="seed"/>.
    /// </summary>
    public static float[] SampleUnit(Denoiser denoiser, Tensor labels, SamplerConfig config, ulong seed)
    {
        using var scope = NewDisposeScope();
        var x = Sample(denoiser, labels, config, seed);
        return ((x + 1) / 2).clamp(0, 1).to(ScalarType.Float32).contiguous().data<float>().ToArray();
    }

    /// <summary>Samples in data space [−1, 1] (not clamped), shape (N, C, H, W).</summary>
    public static Tensor Sample(Denoiser denoiser, Tensor labels, SamplerConfig config, ulong seed)
    {
        config.Validate();
        var cfg = denoiser.Network.Config;
        using var g = new Generator(seed);
        using var _ = no_grad();
        var wasTraining = denoiser.Network.training;
        denoiser.Network.eval();
        try
        {
            var dtype = denoiser.Network.parameters().First().dtype;
            var parts = new List<Tensor>();
            for (long start = 0; start < labels.shape[0]; start += config.BatchSize)
            {
                // One scope per batch: a 50-step trajectory's intermediates are freed before the next batch starts.
                using var batch = NewDisposeScope();
                var y = labels.narrow(0, start, Math.Min(config.BatchSize, labels.shape[0] - start));
                var z = randn([y.shape[0], cfg.Channels, cfg.ImageSize, cfg.ImageSize], dtype: dtype, generator: g);
                Func<Tensor, double, Tensor> d = (xt, s) => Guided(denoiser, xt, s, y, config.Guidance);
                parts.Add((config.Kind == SamplerKind.Ddim ? Ddim(z, d, config, g) : Edm(z, d, config, g)).MoveToOuterDisposeScope());
            }
            return cat(parts, 0).MoveToOuterDisposeScope();
        }
        finally
        {
            if (wasTraining) denoiser.Network.train();
        }
    }

    /// <summary>One denoiser call; its own scope frees the network's activations at once (a batch's trajectory would otherwise hold every step's).</summary>
    static Tensor Guided(Denoiser denoiser, Tensor x, double sigma, Tensor y, double w)
    {
        using var scope = NewDisposeScope();
        var s = full([x.shape[0]], sigma, dtype: x.dtype);
        if (w == 0) return denoiser.Denoise(x, s, y).MoveToOuterDisposeScope();
        var none = full_like(y, denoiser.Network.Config.NullLabel);
        return ((1 + w) * denoiser.Denoise(x, s, y) - w * denoiser.Denoise(x, s, none)).MoveToOuterDisposeScope();
    }

    /// <summary>ddim_sampler: Euler steps of the probability-flow ODE (or its stochastic variant), then one final denoise.</summary>
    static Tensor Ddim(Tensor z, Func<Tensor, double, Tensor> d, SamplerConfig c, Generator g)
    {
        var t = c.Sigmas();
        var x = z * t[0];
        for (var i = 0; i < t.Length - 1; i++)
        {
            var dt = t[i + 1] - t[i];
            var den = d(x, t[i]);
            if (c.Stochastic)
            {
                x = x + 2 * dt * (x - den) / t[i];
                x = x + Math.Sqrt(2 * Math.Abs(dt) * t[i]) * randn(x.shape, dtype: x.dtype, generator: g);
            }
            else x = x + dt * (x - den) / t[i];
        }
        return d(x, t[^1]);
    }

    /// <summary>edm_sampler: Heun steps with churn γ = min(S_churn/steps, limit) inside [S_min, S_max]; returns the last D, as DPDM does.</summary>
    static Tensor Edm(Tensor z, Func<Tensor, double, Tensor> d, SamplerConfig c, Generator g)
    {
        var t = c.Sigmas().Append(0.0).ToArray();
        var x = z * t[0];
        Tensor den = x;
        for (var i = 0; i < c.Steps; i++)
        {
            var (t0, t1) = (t[i], t[i + 1]);
            var gamma = c.SMin <= t0 && t0 <= c.SMax ? Math.Min(c.SChurn / c.Steps, c.ChurnLimit) : 0;
            var tHat = t0 + gamma * t0;
            var xHat = gamma > 0 ? x + c.SNoise * Math.Sqrt(tHat * tHat - t0 * t0) * randn(x.shape, dtype: x.dtype, generator: g) : x;
            den = d(xHat, tHat);
            var dCur = (xHat - den) / tHat;
            var next = xHat + (t1 - tHat) * dCur;
            if (i < c.Steps - 1)
            {
                den = d(next, t1);
                var dPrime = (next - den) / t1;
                next = xHat + (t1 - tHat) * (0.5 * dCur + 0.5 * dPrime);
            }
            x = next;
        }
        return den;
    }
}
