using Privatar.Core;
using Privatar.Torch;
using Privatar.DpSgd.Data;
using Privatar.DpSgd.Models;
using Privatar.Mnist;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Training;

/// <summary>Per-class latent statistics: means and stds (C, d), and the (possibly noisy) class counts.</summary>
public sealed record ClassStats(float[,] Means, float[,] Stds, double[] Counts);

/// <summary>
/// An extra Gaussian mechanism run on the private data, for the accountant to compose with DP-SGD:
/// noise std = NoiseMultiplier · Sensitivity, applied once to the whole data set (sample rate 1, 1 step).
/// </summary>
public sealed record GaussianRelease(string Name, double NoiseMultiplier, double Sensitivity, double ClipNorm, double SampleRate, long Steps);

/// <summary>
/// The study's generator: decode z = mean_c + std_c ⊙ N(0, I) per class, from posterior statistics
/// of the private training set. <see cref="ExactStats"/> is the study's version (no noise: a leak);
/// <see cref="PrivateStats"/> releases the same statistics through a Gaussian mechanism.
/// </summary>
public static class Synthesis
{
    public const int Classes = 10;

    /// <summary>Posterior means μ_i and stds σ_i (N, d) of every training example, under no_grad.</summary>
    static (Tensor Mu, Tensor Sigma) Posteriors(MlpVae vae, MnistTensors train)
    {
        vae.eval();
        using var _ = no_grad();
        var mus = new List<Tensor>();
        var sigmas = new List<Tensor>();
        for (long s = 0; s < train.Count; s += 1000)
        {
            var (mu, logVar) = vae.Encode(train.Images.narrow(0, s, Math.Min(1000, train.Count - s)));
            mus.Add(mu);
            sigmas.Add((0.5 * logVar).exp());
        }
        return (cat(mus, 0), cat(sigmas, 0));
    }

    /// <summary>The study's statistics: plain per-class averages of μ and σ (not differentially private).</summary>
    public static ClassStats ExactStats(MlpVae vae, MnistTensors train)
    {
        using var scope = NewDisposeScope();
        var (mu, sigma) = Posteriors(vae, train);
        var onehot = nn.functional.one_hot(train.Labels, Classes).to_type(ScalarType.Float32);   // (N, C)
        var counts = onehot.sum(dim: 0);                                                          // (C)
        var denom = counts.clamp_min(1).unsqueeze(1);
        return ToStats(onehot.t().mm(mu) / denom, onehot.t().mm(sigma) / denom, counts);
    }

    /// <summary>
    /// Gaussian mechanism: each example contributes (clip_R(μ_i), clip_R(σ_i), 1) to its class's block,
    /// so one example changes the released vector by at most Δ = √(2R² + 1) in L2 (add/remove adjacency).
    /// Every coordinate of every class's (sum μ, sum σ, count) gets N(0, (zΔ)²); means are the noisy sums
    /// over the noisy count (floored at 1), stds are floored at 1e-3 (post-processing).
    /// </summary>
    public static (ClassStats Stats, GaussianRelease Release) PrivateStats(MlpVae vae, MnistTensors train,
        double noiseMultiplier, double clipNorm, ulong seed, NoiseMode mode = NoiseMode.Reproducible)
    {
        if (!(noiseMultiplier > 0)) throw new ArgumentException($"stats_noise_multiplier: expected > 0, got {noiseMultiplier}");
        if (!(clipNorm > 0)) throw new ArgumentException($"stats_clip: expected > 0, got {clipNorm}");
        using var scope = NewDisposeScope();
        using var g = new PrivacyNoise(mode, seed);
        var (mu, sigma) = Posteriors(vae, train);
        Tensor Clip(Tensor v) => v * (clipNorm / (v.norm(1, keepdim: true) + 1e-12)).clamp_max(1.0);
        var onehot = nn.functional.one_hot(train.Labels, Classes).to_type(ScalarType.Float32);
        var sensitivity = Math.Sqrt(2 * clipNorm * clipNorm + 1);
        var std = noiseMultiplier * sensitivity;
        var d = mu.shape[1];
        var sumMu = onehot.t().mm(Clip(mu)) + g.Gaussian([Classes, d], std);
        var sumSigma = onehot.t().mm(Clip(sigma)) + g.Gaussian([Classes, d], std);
        var counts = onehot.sum(dim: 0) + g.Gaussian([Classes], std);
        var denom = counts.clamp_min(1).unsqueeze(1);
        var stats = ToStats(sumMu / denom, (sumSigma / denom).clamp_min(1e-3), counts);
        return (stats, new GaussianRelease("class_latent_stats", noiseMultiplier, sensitivity, clipNorm, 1.0, 1));
    }

    static ClassStats ToStats(Tensor means, Tensor stds, Tensor counts)
    {
        var c = (int)means.shape[0];
        var d = (int)means.shape[1];
        var m = new float[c, d];
        var s = new float[c, d];
        var mData = means.contiguous().data<float>().ToArray();
        var sData = stds.contiguous().data<float>().ToArray();
        for (var i = 0; i < c; i++)
            for (var j = 0; j < d; j++) { m[i, j] = mData[i * d + j]; s[i, j] = sData[i * d + j]; }
        return new ClassStats(m, s, counts.to_type(ScalarType.Float64).data<double>().ToArray());
    }

    /// <summary>
    /// perClass images per class, as float32 IDX in the classifier's input space. <paramref name="vaeTargets"/> is the
    /// fidelity the VAE was trained under: <c>original</c> (standardised targets) means the decoder's [0, 1] output is
    /// used as is, as the study fed it to the classifier; <c>corrected</c> (pixel targets) means it is standardised
    /// like real MNIST.
    /// </summary>
    public static LabeledImages Generate(MlpVae vae, ClassStats stats, int perClass, Fidelity vaeTargets, ulong seed)
    {
        if (perClass < 1) throw new ArgumentException($"per_class: expected >= 1, got {perClass}");
        vae.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        using var g = new Generator(seed);
        var d = stats.Means.GetLength(1);
        var means = tensor(stats.Means).unsqueeze(1);                          // (C, 1, d)
        var stds = tensor(stats.Stds).unsqueeze(1);
        var z = (means + stds * randn([Classes, perClass, d], generator: g)).reshape(-1, d);   // (C·perClass, d)
        var images = vae.Decode(z);                                            // (C·perClass, 784) in [0, 1]
        if (vaeTargets == Fidelity.Corrected) images = MnistTensors.Standardise(images);
        var labels = Enumerable.Range(0, Classes).SelectMany(c => Enumerable.Repeat((byte)c, perClass)).ToArray();
        var floats = images.contiguous().data<float>().ToArray();
        return new LabeledImages(IdxArray.FromFloats(floats, Classes * perClass, 28, 28), labels);
    }
}
