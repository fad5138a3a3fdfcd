using Privatar.Models;
using static TorchSharp.torch;

namespace Privatar.Attacks;

/// <summary>
/// The empirical attack's matching (§5.2): references from the BDCT of each attack frame's average texture; query i's
/// score against reference j is MSELoss(ref_j, pred_i.sum(dim=1)), the channel-summed prediction broadcast over the
/// reference's channels; the guess is argmin_j (first on ties, as torch.argmin), correct iff it is i.
/// </summary>
public static class EmpiricalMatcher
{
    /// <summary>(K, 16, 3, G, G) BDCT of the average textures -> (K, plan.Channels, G, G) references, float64.</summary>
    public static Tensor References(Tensor bdct, ReferencePlan plan)
    {
        if (bdct.dim() != 5 || bdct.shape[1] != BlockDct.Components)
            throw new ArgumentException($"references: expected a (K, 16, C, G, G) BDCT, got [{string.Join(",", bdct.shape)}]");
        using var scope = NewDisposeScope();
        var d = bdct.to(float64);
        var slots = plan.Slots.Select(components => components.Count == 0
            ? zeros(d.shape[0], d.shape[2], d.shape[3], d.shape[4], dtype: float64, device: d.device)
            : BlockDct.Select(d, components).reshape(d.shape[0], components.Count, d.shape[2], d.shape[3], d.shape[4]).sum(1)).ToArray();
        var stacked = stack(slots, 1);                                                    // (K, S, 3, G, G)
        var refs = plan.SumColours ? stacked.sum([1, 2]).unsqueeze(1)                     // (K, 1, G, G)
                                   : stacked.reshape(d.shape[0], slots.Length * d.shape[2], d.shape[3], d.shape[4]);
        return refs.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// scores[i, j] = mean over (c, x, y) of (ref_j[c] − Σ_c' pred_i[c'])², computed as
    /// mean(ref_j²) − 2·mean(mean_c(ref_j)·s_i) + mean(s_i²) in float64 (no K×K×C×G×G intermediate).
    /// </summary>
    public static Tensor Scores(Tensor references, Tensor predictions)
    {
        if (references.dim() != 4 || predictions.dim() != 4 || references.shape[2] != predictions.shape[2] || references.shape[3] != predictions.shape[3])
            throw new ArgumentException($"scores: references [{string.Join(",", references.shape)}] and predictions [{string.Join(",", predictions.shape)}] must be (K, C, G, G) with the same G");
        using var scope = NewDisposeScope();
        var r = references.to(float64);
        var s = predictions.to(float64).sum(1).flatten(1);                               // (Kq, G·G)
        var pixels = s.shape[1];
        var a = r.pow(2).mean([1, 2, 3]);                                                  // (Kr)
        var rbar = r.mean([1]).flatten(1);                                                 // (Kr, G·G)
        var b = s.pow(2).mean([1]);                                                        // (Kq)
        var cross = s.matmul(rbar.t()) / pixels;                                           // (Kq, Kr)
        return (a.unsqueeze(0) - 2 * cross + b.unsqueeze(1)).MoveToOuterDisposeScope();
    }

    /// <summary>How many queries i have argmin_j scores[i, j] == i.</summary>
    public static long Successes(Tensor scores)
    {
        using var guess = scores.argmin(1);
        var g = guess.data<long>().ToArray();
        return g.Where((j, i) => j == i).LongCount();
    }
}
