using Privatar.Models;
using static TorchSharp.torch;

namespace Privatar.Attacks;

/// <summary>
/// The empirical attack's ceiling: how often its matching would identify a frame if the cloud decoder were perfect.
/// The headset reads the cloud's 3·r_off channels as the natural-order components 16 − r_off … 15 (the original's
/// merge, privatar-original.md §3.5), so a perfect decoder's channels sum to those components of the frame's view
/// texture. Each reference mode sums another component set (16 − n … 15, the offloaded list, or the ranked pairs),
/// which caps what any trained model can reach; the gap between a mode's ceiling and its attack row is the model's
/// fidelity, not the matching.
/// </summary>
public static class AttackCeiling
{
    /// <summary>(K, r_off, G, G): the colour-summed components a perfect cloud decoder would output for partition n.</summary>
    public static Tensor PerfectCloudOutput(AttackSamples samples, int offloaded)
    {
        var ratio = FrequencyGrouping.For(offloaded).OffloadedRatio;
        return samples.ViewComponents.narrow(1, BlockDct.Components - ratio, ratio);
    }
}
