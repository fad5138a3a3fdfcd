using Privatar.Contracts;
using Privatar.Torch;
using Privatar.Evaluation.Metrics;
using Privatar.Models;
using Privatar.Models.Rendering;
using Privatar.Models.Training;
using Privatar.Results;
using static TorchSharp.torch;

namespace Privatar.Training.Noisy;

/// <summary>
/// One test run of a model: clean (<see cref="Mechanism"/> <c>none</c>) or with noise on its offloaded latent.
/// <see cref="Transform"/> is A with noise = A·ε (null: none); <see cref="ClipBound"/> clips each row first
/// (corrected DP); <see cref="NoiseSeed"/> seeds the noise draws.
/// </summary>
public sealed record NoiseCase(string Mechanism, string Fidelity, double? Mi, double? Psr, double[,]? Transform, double? ClipBound, long NoiseSeed,
    Privatar.Core.NoiseMode Noise = Privatar.Core.NoiseMode.Reproducible)
{
    public static NoiseCase Clean { get; } = new("none", "", null, null, null, null, 0);
    public bool IsClean => Mechanism == "none";
    public override string ToString() => IsClean ? "clean" : $"{Mechanism} {Fidelity} MI={Mi}";
}

/// <summary>
/// Noisy inference (reference §5.1): the test of <see cref="Tester"/> (same checkpoint restore, batches,
/// seeded sample order, metrics) with noise on the latent the model offloads (<see cref="OffloadHook"/>). Every
/// case sees the same latent samples: the global generator is seeded as the test seeds it and rewound to the same
/// state for each case of a batch, so a case with zero noise reproduces the clean test's metrics exactly and the
/// cases differ only by their noise. Each batch is read once for all cases (and once for all models with a
/// <see cref="TestBatchCache"/>); SSIM is <see cref="BatchSsim"/> (Ssim.Mean's numbers, faster).
/// </summary>
public static class NoisyTester
{
    public static IReadOnlyList<NoisyInferenceRow> Run(AvatarData data, string checkpoint, CheckpointInfo info, TestSettings s,
        IReadOnlyList<NoiseCase> cases, Action<int, int>? progress = null, TestBatchCache? batches = null)
    {
        if (s.Batches < 1 || s.BatchSize < 1) throw new ArgumentException($"[test] batches and batch_size: expected at least 1, got {s.Batches} and {s.BatchSize}");
        if (cases.Count == 0) throw new ArgumentException("noisy inference: no cases to run");
        var generator = random.manual_seed(s.Seed);
        using var model = Checkpoints.Restore(checkpoint, info);
        var spec = ModelConfig.Parse(info.Variant, info.Bits, info.Ratio, info.Offloaded);
        OffloadHook.LayerName(model.Variant);   // fails early for a variant that offloads nothing
        model.eval();
        using var lpips = s.LpipsWeights is { } dir ? AlexLpips.Load(dir) : null;
        var order = Trainer.ValidationBatches(data.Test.Count, s.BatchSize, s.Batches, checked((int)s.Seed));
        var noises = cases.Select(c => c.IsClean ? null : new OffloadNoise(c.Transform, c.ClipBound, c.NoiseSeed, c.Noise)).ToArray();
        var sums = cases.Select(_ => new Sums()).ToArray();
        try
        {
            using var _ = no_grad();
            for (var b = 0; b < order.Count; b++)
            {
                var samples = order[b];
                TestBatch Load() => new(data.Batch(samples.Select(i => data.Test[i]).ToArray()));
                var owned = true;
                var loaded = batches is null ? Load() : batches.For(samples, Load, out owned);
                using var ownedBatch = owned ? loaded : null;
                var (batch, ssim) = (loaded.Batch, loaded.Ssim);
                using var state = generator.get_state();
                for (var c = 0; c < cases.Count; c++)
                {
                    generator.set_state(state);
                    var noise = noises[c];
                    sums[c].Add(NoGc.Run(() =>
                    {
                        using var scope = NewDisposeScope();
                        using var output = Forward(model, batch, noise);
                        return Measure(output, batch, data, s.Weights, lpips, ssim);
                    }));
                }
                progress?.Invoke(b + 1, order.Count);
            }
        }
        finally
        {
            foreach (var n in noises) n?.Dispose();
        }
        return cases.Select((c, i) => sums[i].Row(spec, c, lpips is not null)).ToList();
    }

    /// <summary>The model's forward with <paramref name="noise"/> on its offloaded latent (null: the plain forward).</summary>
    public static VaeOutput Forward(AvatarVae model, VaeBatch batch, OffloadNoise? noise)
    {
        if (noise is null) return model.call(batch.ToInput());
        using var hook = OffloadHook.Attach(model, noise);
        var output = model.call(batch.ToInput());
        if (hook.Calls != 1)
        {
            output.Dispose();
            throw new InvalidOperationException($"noisy inference: the offloaded latent was read {hook.Calls} times in one forward of {model.GetType().Name}, expected once");
        }
        return output;
    }

    /// <summary>The colour-corrected prediction rendered into the photo's camera, (B, H, W, 3) in display units (as the test renders it).</summary>
    public static Tensor Render(VaeOutput output, VaeBatch batch, AvatarData data)
    {
        using var scope = NewDisposeScope();
        var verts = output.PredVerts * data.Norm.VertStd + data.Norm.VertMean;
        var tex = VaeLosses.Display(output.PredTex, data.Norm);
        return ScreenRenderer.Render(batch.M, verts, tex, data.Screen.Topology, data.Screen.Height, data.Screen.Width).MoveToOuterDisposeScope();
    }

    readonly record struct BatchMetrics(long Size, double Vert, double Tex, double Screen, double Ssim, double Lpips);

    static BatchMetrics Measure(VaeOutput output, VaeBatch batch, AvatarData data, LossWeights weights, AlexLpips? lpips, BatchSsim ssim)
    {
        using var terms = VaeLosses.Compute(output, batch, data.Norm, weights with { Screen = 1 }, data.Screen);
        var pred = Render(output, batch, data).clamp(0, 1).permute(0, 3, 1, 2);   // (B, 3, H, W) in [0, 1]
        var photo = batch.Photo.permute(0, 3, 1, 2);
        var b = (double)batch.Size;
        return new(batch.Size,
            terms.Vert.item<float>() * b,
            terms.Tex.item<float>() * data.Norm.TexStd * data.Norm.TexStd * b,
            terms.Screen.item<float>() * b,
            ssim.Mean(pred) * b,
            lpips is null ? 0 : lpips.Mean(pred, photo, LpipsInputRange.ZeroToOne) * b);
    }

    sealed class Sums
    {
        long _n;
        double _vert, _tex, _screen, _ssim, _lpips;

        public void Add(BatchMetrics m)
        {
            _n += m.Size; _vert += m.Vert; _tex += m.Tex; _screen += m.Screen; _ssim += m.Ssim; _lpips += m.Lpips;
        }

        public NoisyInferenceRow Row(ModelConfig spec, NoiseCase c, bool withLpips) => new()
        {
            Variant = spec.ResultVariant, Config = spec.ResultConfig, N = spec.ResultN,
            Mechanism = c.Mechanism, Fidelity = c.Fidelity, Mi = c.Mi, Psr = c.Psr, Samples = _n,
            ScreenMse = _screen / _n, TexMse = _tex / _n, VertMse = _vert / _n, Ssim = _ssim / _n,
            Lpips = withLpips ? _lpips / _n : null,
        };
    }
}
