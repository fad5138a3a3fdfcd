using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>capacity.csv</c>: the capacity model, "users supported", per configuration and headset (Latency).
/// Per-frame costs in seconds; user counts are concurrent users (can be fractional, as in the paper).
/// </summary>
[CsvRecord]
public sealed partial record CapacityRow : IValidatedRow
{
    /// <summary>Model variant (see <see cref="Vocabulary.Variants"/>).</summary>
    [CsvColumn("variant")] public string Variant { get; init; } = "";
    /// <summary>Variant configuration (<c>default</c>, <c>n14</c>, ...).</summary>
    [CsvColumn("config")] public string Config { get; init; } = "";
    /// <summary>Offloaded components for partition (16 for direct split); empty otherwise.</summary>
    [CsvColumn("n")] public int? N { get; init; }
    /// <summary><c>quest_pro</c> or <c>quest_3</c>.</summary>
    [CsvColumn("headset")] public string Headset { get; init; } = "";
    /// <summary>Whether the cloud path runs inside a TEE (adds ingress/egress costs).</summary>
    [CsvColumn("tee")] public bool Tee { get; init; }
    /// <summary>Headset compute per frame, seconds.</summary>
    [CsvColumn("headset_s")] public double HeadsetS { get; init; }
    /// <summary>Cloud (GPU or TEE) compute per frame, seconds; 0 when nothing is offloaded.</summary>
    [CsvColumn("cloud_s")] public double CloudS { get; init; }
    /// <summary>Cloud→headset transfer per frame, seconds (bytes per frame / link bandwidth).</summary>
    [CsvColumn("comm_s")] public double CommS { get; init; }
    /// <summary>TEE ingress per frame, seconds (0 without TEE).</summary>
    [CsvColumn("tee_ingress_s")] public double TeeIngressS { get; init; }
    /// <summary>TEE egress per frame, seconds (0 without TEE).</summary>
    [CsvColumn("tee_egress_s")] public double TeeEgressS { get; init; }
    /// <summary>max(comm_s + cloud_s + tee_ingress_s + tee_egress_s, headset_s): steady-state time per offloaded user.</summary>
    [CsvColumn("period_s")] public double PeriodS { get; init; }
    /// <summary><c>compute</c> when the headset path is the bottleneck, <c>communication</c> when link + cloud is.</summary>
    [CsvColumn("bound")] public string Bound { get; init; } = "";
    /// <summary>Users the headset compute alone supports (1 / headset_s).</summary>
    [CsvColumn("users_compute_bound")] public double UsersComputeBound { get; init; }
    /// <summary>Users the link alone supports (1 / comm_s); empty when nothing is transferred.</summary>
    [CsvColumn("users_comm_bound")] public double? UsersCommBound { get; init; }
    /// <summary>Users served through the offloaded pipeline.</summary>
    [CsvColumn("users_offloaded")] public double UsersOffloaded { get; init; }
    /// <summary>Extra users the freed headset capacity serves locally.</summary>
    [CsvColumn("users_extra_local")] public double UsersExtraLocal { get; init; }
    /// <summary>users_offloaded + users_extra_local.</summary>
    [CsvColumn("users_total")] public double UsersTotal { get; init; }
    /// <summary>Users the baseline (whole decoder on the headset) supports on this headset.</summary>
    [CsvColumn("baseline_users")] public double BaselineUsers { get; init; }
    /// <summary>users_total / baseline_users.</summary>
    [CsvColumn("users_vs_baseline")] public double UsersVsBaseline { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "variant", Variant, Vocabulary.Variants);
        Vocabulary.CheckNonEmpty(p, "config", Config);
        Vocabulary.Check(p, "headset", Headset, Vocabulary.Headsets);
        Vocabulary.Check(p, "bound", Bound, Vocabulary.Bounds);
        if (HeadsetS < 0 || CloudS < 0 || CommS < 0 || TeeIngressS < 0 || TeeEgressS < 0) p.Add("a per-frame cost column (*_s) is negative");
        return p;
    }
}
