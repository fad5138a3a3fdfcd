namespace Privatar.Evaluation.Capacity;

/// <summary>Per-user, per-frame costs of one configuration on one headset, in seconds.</summary>
/// <param name="HeadsetSeconds">Headset compute: the local path (or the whole decoder for non-offloading variants).</param>
/// <param name="CloudSeconds">Cloud compute for the offloaded path (0 when nothing is offloaded); may include TEE ingress/egress.</param>
/// <param name="LinkSeconds">Transfer time of one frame's offloaded data over the link (0 when nothing is offloaded).</param>
public sealed record PathCosts(string Configuration, double HeadsetSeconds, double CloudSeconds, double LinkSeconds)
{
    public void Validate()
    {
        if (!(HeadsetSeconds > 0) || double.IsInfinity(HeadsetSeconds))
            throw new ArgumentException($"capacity '{Configuration}': headset seconds must be positive and finite, got {HeadsetSeconds}");
        if (!(CloudSeconds >= 0) || !(LinkSeconds >= 0) || double.IsInfinity(CloudSeconds + LinkSeconds))
            throw new ArgumentException($"capacity '{Configuration}': cloud and link seconds must be finite and >= 0, got {CloudSeconds} and {LinkSeconds}");
    }
}

public enum CapacityBound { Compute, Communication }

/// <summary>Users one headset supports in one configuration.</summary>
/// <param name="PeriodSeconds">max(link + cloud, headset): the steady-state time per offloaded user.</param>
/// <param name="Bound">Communication when link + cloud exceeds the headset time, else Compute.</param>
/// <param name="OffloadedUsers">budget / period.</param>
/// <param name="ExtraLocalUsers">Headset time left idle by the offloaded users, spent on full local (baseline) decodes.</param>
/// <param name="HeadsetBoundUsers">budget / headset (the "compute-bound" line of notebook cell 0).</param>
/// <param name="LinkBoundUsers">budget / link (the "communication-bound" line of cell 0); +∞ without offload.</param>
public sealed record CapacityResult(
    string Configuration, double PeriodSeconds, CapacityBound Bound,
    double OffloadedUsers, double ExtraLocalUsers, double TotalUsers, double BaselineUsers,
    double HeadsetBoundUsers, double LinkBoundUsers)
{
    /// <summary>Total users relative to running the baseline decoder locally (the paper's "2.37x" kind of figure).</summary>
    public double RatioToBaseline => TotalUsers / BaselineUsers;
}

/// <summary>
/// The "users supported" model of the original figure notebook (cells 6-11), made explicit:
/// users = B / max(link + cloud, headset) + extra, where B is the frame budget (1 / frame rate) and
/// extra = (B − users_offloaded · headset) / baseline_headset is the number of whole-decoder local users that fit in the
/// headset time the offloaded users leave idle (zero when compute-bound). The notebook uses B = 1 s.
/// </summary>
public static class CapacityModel
{
    public static CapacityResult Evaluate(PathCosts costs, double baselineHeadsetSeconds, double frameBudgetSeconds)
    {
        costs.Validate();
        if (!(baselineHeadsetSeconds > 0) || double.IsInfinity(baselineHeadsetSeconds))
            throw new ArgumentException($"capacity: baseline headset seconds must be positive and finite, got {baselineHeadsetSeconds}");
        if (!(frameBudgetSeconds > 0) || double.IsInfinity(frameBudgetSeconds))
            throw new ArgumentException($"capacity: frame budget must be positive and finite, got {frameBudgetSeconds}");

        var remote = costs.LinkSeconds + costs.CloudSeconds;
        var period = Math.Max(remote, costs.HeadsetSeconds);
        var offloaded = frameBudgetSeconds / period;
        var spare = Math.Max(0, frameBudgetSeconds - offloaded * costs.HeadsetSeconds);
        var extra = spare / baselineHeadsetSeconds;
        return new CapacityResult(
            costs.Configuration, period,
            remote > costs.HeadsetSeconds ? CapacityBound.Communication : CapacityBound.Compute,
            offloaded, extra, offloaded + extra, frameBudgetSeconds / baselineHeadsetSeconds,
            frameBudgetSeconds / costs.HeadsetSeconds,
            costs.LinkSeconds > 0 ? frameBudgetSeconds / costs.LinkSeconds : double.PositiveInfinity);
    }
}
