using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Engine;

/// <summary>
/// Runs the model on a batch (tensors sharing dimension 0) and returns the per-example losses, shape (n).
/// The engine calls it once per batch (hook route) or once per example (micro-batch route).
/// </summary>
public delegate Tensor PerSampleLoss(IReadOnlyList<Tensor> batch);

/// <summary>
/// Σ_i f_i·g_i over a batch, where g_i is example i's gradient over all trainable parameters and
/// f_i = min(1, C / (‖g_i‖ + 1e-6)) (Opacus's flat clipping). <see cref="Sums"/> follows the
/// clipper's parameter order; <see cref="Norms"/> and <see cref="Losses"/> are per example, detached.
/// </summary>
public sealed record ClippedSum(Tensor[] Sums, Tensor Norms, Tensor Losses)
{
    /// <summary>Where the route's time went, when it measures it (the hook route does).</summary>
    public ClipPhases? Phases { get; init; }
}

/// <summary>
/// Wall milliseconds of the hook route's phases: the forward pass with capture, the backward pass to the layer outputs,
/// the per-example gradients and their norms, and the clip factors with the clipped sums.
/// </summary>
public sealed record ClipPhases(double ForwardMs, double BackwardMs, double PerExampleMs, double ClipSumMs)
{
    /// <summary>Two passes' phases, phase by phase (a batch run in slices).</summary>
    public static ClipPhases operator +(ClipPhases a, ClipPhases b) =>
        new(a.ForwardMs + b.ForwardMs, a.BackwardMs + b.BackwardMs, a.PerExampleMs + b.PerExampleMs, a.ClipSumMs + b.ClipSumMs);
}

/// <summary>A route to per-example clipped gradient sums.</summary>
public interface IPerSampleClipper : IDisposable
{
    /// <summary>"hooks" or "micro-batch", for logs and the bench.</summary>
    string Name { get; }

    IReadOnlyList<Parameter> Parameters { get; }

    ClippedSum ClipAndSum(IReadOnlyList<Tensor> batch, PerSampleLoss loss, double maxGradNorm);
}

public static class Clipping
{
    /// <summary>Opacus's factor: min(1, C / (norm + 1e-6)).</summary>
    public static Tensor Factors(Tensor norms, double maxGradNorm) =>
        (maxGradNorm / (norms + 1e-6)).clamp_max(1.0);
}
