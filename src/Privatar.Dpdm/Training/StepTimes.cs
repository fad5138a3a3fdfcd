using System.Globalization;
using Privatar.DpSgd.Engine;

namespace Privatar.Dpdm.Training;

/// <summary>
/// Where DP steps' wall time went, summed over the steps added: forward with capture, backward to the layer outputs,
/// per-example gradients and norms, clip factors and sums, noise, and the Adam + EMA update.
/// </summary>
public sealed class StepTimes
{
    static readonly string[] Names = ["forward", "backward", "per-example gradients", "clip and sum", "noise", "Adam + EMA"];
    readonly double[] totals = new double[Names.Length];

    public long Steps { get; private set; }

    public void Add(DpStepStats s)
    {
        Steps++;
        double[] parts = [s.Clip?.ForwardMs ?? 0, s.Clip?.BackwardMs ?? 0, s.Clip?.PerExampleMs ?? 0, s.Clip?.ClipSumMs ?? 0, s.NoiseMs, s.UpdateMs];
        for (var i = 0; i < parts.Length; i++) totals[i] += parts[i];
    }

    /// <summary>Mean milliseconds per step of each phase, by name, in step order.</summary>
    public IReadOnlyList<(string Phase, double MeanMs)> Means =>
        Names.Select((n, i) => (n, Steps == 0 ? 0 : totals[i] / Steps)).ToArray();

    /// <summary>One line: each phase's mean milliseconds per step and share of the measured total.</summary>
    public string Summary()
    {
        var sum = totals.Sum();
        var parts = Means.Select(m => string.Create(CultureInfo.InvariantCulture,
            $"{m.Phase} {m.MeanMs:F0} ms ({(sum > 0 ? 100 * m.MeanMs * Steps / sum : 0):F0}%)"));
        return string.Create(CultureInfo.InvariantCulture, $"time per step over {Steps} steps: {string.Join(", ", parts)}");
    }
}
