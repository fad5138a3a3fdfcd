using Privatar.Evaluation.Capacity;
using Xunit;

namespace Privatar.Evaluation.Tests;

public sealed class CapacityPlannerTests
{
    static Dictionary<string, string> Section() => new()
    {
        ["frame_rate_hz"] = "1",
        ["headsets"] = "quest_pro, quest_3",
        ["quest_pro_baseline_seconds"] = "0.4",
        ["quest_pro_flops"] = "0",
        ["quest_3_baseline_seconds"] = "0",
        ["quest_3_flops"] = "2e11",
        ["cloud_relative_throughput"] = "4",
        ["cloud_flops"] = "0",
        ["downlink_mbps"] = "100",
        ["uplink_mbps"] = "10",
        ["bytes_per_element"] = "4",
    };

    [Fact]
    public void Should_Scale_Measured_Times_By_Headset_And_Cloud_Throughput_And_Charge_The_Link()
    {
        var p = CapacityParameters.FromSection(Section());
        var baseline = new MeasuredBaseline(Ms: 50, Flops: 8e10);
        // offloaded texture 3x256x256 float32 = 786,432 B down; z_offload + view = 259 floats = 1,036 B up
        var down = CapacityPlanner.TensorBytes(4, 3, 256, 256);
        var up = CapacityPlanner.TensorBytes(4, 256 + 3);
        Assert.Equal((786_432L, 1_036L), (down, up));
        var m = new MeasuredPath("partition_2", LocalMs: 25, OffloadMs: 40, LocalFlops: 4e10, OffloadFlops: 1e10, down, up);

        var pro = CapacityPlanner.Costs(m, baseline, p.Headsets[0], p);
        var q3 = CapacityPlanner.Costs(m, baseline, p.Headsets[1], p);

        Assert.Equal(25.0 / 50 * 0.4, pro.HeadsetSeconds, 12);          // relative to the baseline anchor
        Assert.Equal(4e10 / 2e11, q3.HeadsetSeconds, 12);                // FLOPs / FLOP/s
        Assert.Equal(0.040 / 4, pro.CloudSeconds, 12);
        Assert.Equal(786_432 * 8 / 100e6 + 1_036 * 8 / 10e6, pro.LinkSeconds, 12);

        var rows = CapacityPlanner.Evaluate([m], baseline, p);
        Assert.Equal(2, rows.Count);
        Assert.Equal(("quest_pro", 2.5), (rows[0].Headset, rows[0].Result.BaselineUsers));
        Assert.Equal(("quest_3", 2e11 / 8e10), (rows[1].Headset, rows[1].Result.BaselineUsers));
        Assert.Equal(("partition_2", CapacityBound.Compute, 0.2, 5.0, 0.0, 5.0, 2.0, 5.0),
            (rows[0].Result.Configuration, rows[0].Result.Bound, rows[0].Result.PeriodSeconds, rows[0].Result.OffloadedUsers, rows[0].Result.ExtraLocalUsers,
             rows[0].Result.TotalUsers, rows[0].Result.RatioToBaseline, rows[0].Result.HeadsetBoundUsers));
    }

    [Fact]
    public void Should_Name_The_Key_That_Is_Missing_Or_Malformed()
    {
        var s = Section();
        s.Remove("downlink_mbps");
        Assert.Contains("missing key 'downlink_mbps'", Assert.Throws<ArgumentException>(() => CapacityParameters.FromSection(s, "cake.config [capacity]")).Message);
        s = Section();
        s["uplink_mbps"] = "fast";
        Assert.Contains("'uplink_mbps' must be a number, got 'fast'", Assert.Throws<FormatException>(() => CapacityParameters.FromSection(s)).Message);
        s = Section();
        s["quest_3_flops"] = "0";
        Assert.Contains("headset 'quest_3' needs", Assert.Throws<ArgumentException>(() => CapacityParameters.FromSection(s)).Message);
    }
}
