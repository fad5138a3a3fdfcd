using Privatar.Core;

namespace Privatar.Evaluation.Capacity;

/// <summary>
/// A headset's throughput, given one of two ways: <see cref="BaselineSeconds"/>, the time the full baseline decoder takes
/// on it (headset time of any path = time measured here × BaselineSeconds / baseline time measured here), or
/// <see cref="FlopsPerSecond"/>, an achieved rate (headset time = path FLOPs / rate). FLOP/s wins when both are set.
/// </summary>
public sealed record HeadsetProfile(string Name, double BaselineSeconds, double FlopsPerSecond);

/// <summary>The <c>[capacity]</c> section (see cake.config for where each default comes from).</summary>
public sealed record CapacityParameters(
    double FrameRateHz,
    IReadOnlyList<HeadsetProfile> Headsets,
    double CloudRelativeThroughput,
    double CloudFlopsPerSecond,
    double DownlinkMbps,
    double UplinkMbps,
    int BytesPerElement)
{
    public double FrameBudgetSeconds => 1.0 / FrameRateHz;

    /// <summary>Headset names in the <c>headsets</c> list; each needs <c>&lt;name&gt;_baseline_seconds</c> and <c>&lt;name&gt;_flops</c>.</summary>
    public static CapacityParameters FromSection(IReadOnlyDictionary<string, string> section, string source = "[capacity]")
    {
        double Number(string key, bool positive)
        {
            if (!section.TryGetValue(key, out var text))
                throw new ArgumentException($"{source}: missing key '{key}'");
            if (!double.TryParse(text.Trim(), System.Globalization.NumberStyles.Float, Invariant.Culture, out var v) || double.IsNaN(v) || double.IsInfinity(v))
                throw new FormatException($"{source}: key '{key}' must be a number, got '{text}'");
            if (positive ? !(v > 0) : v < 0)
                throw new ArgumentException($"{source}: key '{key}' must be {(positive ? "> 0" : ">= 0")}, got {text}");
            return v;
        }

        if (!section.TryGetValue("headsets", out var list) || string.IsNullOrWhiteSpace(list))
            throw new ArgumentException($"{source}: missing key 'headsets' (comma-separated names, e.g. quest_pro, quest_3)");
        var headsets = list.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(name =>
            {
                var h = new HeadsetProfile(name, Number($"{name}_baseline_seconds", false), Number($"{name}_flops", false));
                if (h.BaselineSeconds == 0 && h.FlopsPerSecond == 0)
                    throw new ArgumentException($"{source}: headset '{name}' needs {name}_baseline_seconds > 0 or {name}_flops > 0");
                return h;
            }).ToArray();

        var bytes = Number("bytes_per_element", true);
        if (bytes != Math.Floor(bytes)) throw new FormatException($"{source}: key 'bytes_per_element' must be a whole number, got {bytes}");
        var p = new CapacityParameters(
            Number("frame_rate_hz", true), headsets,
            Number("cloud_relative_throughput", false), Number("cloud_flops", false),
            Number("downlink_mbps", true), Number("uplink_mbps", true), (int)bytes);
        if (p.CloudRelativeThroughput == 0 && p.CloudFlopsPerSecond == 0)
            throw new ArgumentException($"{source}: set cloud_relative_throughput > 0 or cloud_flops > 0");
        return p;
    }
}
