using Privatar.Core;

namespace Privatar.Noise;

/// <summary>Which latent a noise protects: the baseline's whole latent, or one branch of a partition model.</summary>
public enum LatentBranch { CompletelyOffloaded, PartitionLocal, PartitionOffloaded }

/// <summary>
/// A latent whose noise is generated: the completely offloaded baseline, the local (<c>z</c>) or offloaded
/// (<c>z_offload</c>) latent of partition n, or the direct split, which the original files as offloaded n = 16.
/// </summary>
public readonly record struct NoiseTarget(LatentBranch Branch, int OffloadedComponents)
{
    public const int DirectSplitComponents = 16;

    public static NoiseTarget Baseline => new(LatentBranch.CompletelyOffloaded, 0);
    public static NoiseTarget DirectSplit => Offloaded(DirectSplitComponents);

    public static NoiseTarget Local(int n) =>
        n is >= 1 and < DirectSplitComponents ? new(LatentBranch.PartitionLocal, n)
            : throw new ArgumentException($"partition: a local branch needs 1 ≤ n ≤ 15 offloaded components, got {n}");

    public static NoiseTarget Offloaded(int n) =>
        n is >= 1 and <= DirectSplitComponents ? new(LatentBranch.PartitionOffloaded, n)
            : throw new ArgumentException($"partition: an offloaded branch needs 1 ≤ n ≤ 16 components (16 = direct split), got {n}");

    /// <summary>"local" or "offloaded", as in the original's file names.</summary>
    internal string Side => Branch switch
    {
        LatentBranch.PartitionLocal => "local",
        LatentBranch.PartitionOffloaded => "offloaded",
        _ => throw new ArgumentException("the original writes no PAC statistics for the completely offloaded baseline"),
    };

    internal string N => Invariant.Format(OffloadedComponents);

    public override string ToString() => Branch switch
    {
        LatentBranch.CompletelyOffloaded => "baseline",
        _ when OffloadedComponents == DirectSplitComponents => "direct_split",
        _ => $"partition_{N}_{Side}",
    };
}
