namespace Privatar.Evaluation.Capacity;

/// <summary>
/// What was measured on this machine for one configuration: median latencies of the headset-side and cloud-side paths,
/// their FLOPs (from the models' describe logic), and the bytes each frame moves over the link.
/// Non-offloading variants have OffloadMs = 0, OffloadFlops = 0 and no link bytes.
/// </summary>
public sealed record MeasuredPath(
    string Configuration, double LocalMs, double OffloadMs, double LocalFlops, double OffloadFlops,
    long DownlinkBytes, long UplinkBytes);

/// <summary>The baseline decoder as measured here: the reference for relative headset throughputs and for extra local users.</summary>
public sealed record MeasuredBaseline(double Ms, double Flops);

/// <summary>Turns measurements into per-headset <see cref="PathCosts"/> and evaluates the capacity model.</summary>
public static class CapacityPlanner
{
    /// <summary>Bytes of a float tensor of the given shape (e.g. the offloaded texture, 3·r_off x S x S).</summary>
    public static long TensorBytes(int bytesPerElement, params long[] shape) =>
        shape.Aggregate((long)bytesPerElement, (acc, d) => acc * d);

    public static double HeadsetSeconds(double ms, double flops, MeasuredBaseline baseline, HeadsetProfile h)
    {
        if (h.FlopsPerSecond > 0)
        {
            if (!(flops > 0)) throw new ArgumentException($"capacity: headset '{h.Name}' is given in FLOP/s but the path's FLOPs are {flops}");
            return flops / h.FlopsPerSecond;
        }
        if (!(baseline.Ms > 0)) throw new ArgumentException($"capacity: the baseline latency measured here must be > 0, got {baseline.Ms}");
        return ms / baseline.Ms * h.BaselineSeconds;
    }

    public static PathCosts Costs(MeasuredPath m, MeasuredBaseline baseline, HeadsetProfile h, CapacityParameters p)
    {
        var headset = HeadsetSeconds(m.LocalMs, m.LocalFlops, baseline, h);
        double cloud = 0;
        if (m.OffloadMs > 0 || m.OffloadFlops > 0)
            cloud = p.CloudFlopsPerSecond > 0 ? m.OffloadFlops / p.CloudFlopsPerSecond : m.OffloadMs / 1000 / p.CloudRelativeThroughput;
        var link = m.DownlinkBytes * 8 / (p.DownlinkMbps * 1e6) + m.UplinkBytes * 8 / (p.UplinkMbps * 1e6);
        return new PathCosts(m.Configuration, headset, cloud, link);
    }

    /// <summary>One result per (headset, configuration), headsets in parameter order.</summary>
    public static IReadOnlyList<(string Headset, CapacityResult Result)> Evaluate(
        IReadOnlyList<MeasuredPath> paths, MeasuredBaseline baseline, CapacityParameters p)
    {
        var rows = new List<(string, CapacityResult)>();
        foreach (var h in p.Headsets)
        {
            var baselineHeadset = HeadsetSeconds(baseline.Ms, baseline.Flops, baseline, h);
            foreach (var m in paths)
                rows.Add((h.Name, CapacityModel.Evaluate(Costs(m, baseline, h, p), baselineHeadset, p.FrameBudgetSeconds)));
        }
        return rows;
    }
}
