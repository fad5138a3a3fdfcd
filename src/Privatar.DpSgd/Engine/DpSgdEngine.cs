using Privatar.Core;
using Privatar.Torch;
using TorchSharp.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Engine;

/// <summary>
/// DP-SGD gradients for any TorchSharp model: per-example gradients clipped to C in flat L2 norm,
/// summed, plus N(0, (σC)²) per coordinate (a seeded generator, or the OS CSPRNG under <see cref="NoiseMode.Release"/>),
/// divided by the expected batch size. The result is written to each parameter's .grad; any optimizer then steps.
/// Batches come from <see cref="PoissonSampler"/> (the sampling the accountant assumes).
/// </summary>
public sealed class DpSgdEngine : IDisposable
{
    readonly IPerSampleClipper clipper;
    readonly DpSgdOptions options;
    readonly PrivacyNoise noise;

    public DpSgdEngine(nn.Module model, DpSgdOptions options, ulong noiseSeed, PerSampleRoute route = PerSampleRoute.Auto,
        NoiseMode mode = NoiseMode.Reproducible)
    {
        options.Validate();
        this.options = options;
        var reason = HookClipper.Unsupported(model);
        clipper = route switch
        {
            PerSampleRoute.Hooks => HookClipper.Create(model),
            PerSampleRoute.MicroBatch => new MicroBatchClipper(model),
            _ => reason is null ? HookClipper.Create(model) : new MicroBatchClipper(model),
        };
        RouteReason = clipper is HookClipper ? "all trainable layers are Linear/Conv2d/GroupNorm/Embedding" : reason ?? "requested";
        if (clipper.Parameters.Count == 0) throw new ArgumentException("the model has no trainable parameters");
        noise = new PrivacyNoise(mode, noiseSeed, clipper.Parameters[0].device);
    }

    public DpSgdOptions Options => options;

    public string Route => clipper.Name;

    public string RouteReason { get; }

    /// <summary>Sets .grad of every trainable parameter to the noisy clipped mean; returns the step's stats.</summary>
    public DpStepStats ComputeGradients(IReadOnlyList<Tensor> batch, PerSampleLoss loss)
    {
        var n = (int)batch[0].shape[0];
        var ps = clipper.Parameters;
        Tensor[] sums;
        DpStepStats stats;
        if (n == 0)
        {
            sums = ps.Select(p => zeros_like(p)).ToArray();                    // Poisson batches may be empty: noise only
            stats = new DpStepStats(0, double.NaN, double.NaN, double.NaN);
        }
        else
        {
            var clipped = ClipAndSumInSlices(batch, loss, n);
            sums = clipped.Sums;
            stats = new DpStepStats(n,
                clipped.Losses.mean().ToDouble(),
                clipped.Norms.mean().ToDouble(),
                (clipped.Norms > options.MaxGradNorm).to_type(ScalarType.Float64).mean().ToDouble()) { Clip = clipped.Phases };
        }
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var std = options.NoiseMultiplier * options.MaxGradNorm;
        using (no_grad())
        {
            for (var i = 0; i < ps.Count; i++)
            {
                var g = sums[i];
                if (std > 0) g = g + noise.Gaussian(ps[i].shape, std, ps[i].dtype, ps[i].device);
                SetGrad(ps[i], g / options.ExpectedBatchSize);
            }
        }
        return stats with { NoiseMs = clock.Elapsed.TotalMilliseconds };
    }

    /// <summary>
    /// The route over slices of at most <see cref="DpSgdOptions.ExamplesPerPass"/> examples: each slice's graph, captures
    /// and per-example gradients are freed before the next runs; its sums, norms and losses are kept and joined.
    /// </summary>
    ClippedSum ClipAndSumInSlices(IReadOnlyList<Tensor> batch, PerSampleLoss loss, int n)
    {
        var size = options.ExamplesPerPass;
        if (size == 0 || n <= size) return clipper.ClipAndSum(batch, loss, options.MaxGradNorm);
        var parts = new List<ClippedSum>();
        for (var start = 0; start < n; start += size)
        {
            using var scope = NewDisposeScope();
            var length = Math.Min(size, n - start);
            var part = clipper.ClipAndSum(batch.Select(t => t.narrow(0, start, length)).ToArray(), loss, options.MaxGradNorm);
            scope.MoveToOuter([.. part.Sums, part.Norms, part.Losses]);
            parts.Add(part);
        }
        return new ClippedSum(
            Enumerable.Range(0, parts[0].Sums.Length).Select(i => parts.Select(p => p.Sums[i]).Aggregate((a, b) => a + b)).ToArray(),
            cat(parts.Select(p => p.Norms).ToArray()), cat(parts.Select(p => p.Losses).ToArray()))
        {
            Phases = parts.All(p => p.Phases is not null) ? parts.Select(p => p.Phases!).Aggregate((a, b) => a + b) : null,
        };
    }

    static void SetGrad(Parameter p, Tensor value)
    {
        var existing = p.grad;
        if (existing is null) p.grad = value.detach().clone().DetachFromDisposeScope();
        else existing.copy_(value);
    }

    public void Dispose()
    {
        clipper.Dispose();
        noise.Dispose();
    }
}
