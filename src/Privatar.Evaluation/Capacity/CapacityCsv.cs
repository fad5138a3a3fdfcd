using System.Text;
using Privatar.Core;

namespace Privatar.Evaluation.Capacity;

/// <summary>Capacity rows as CSV (invariant culture, atomic write); infinite link-bound users print as "inf".</summary>
public static class CapacityCsv
{
    public const string Header =
        "headset,configuration,bound,period_s,offloaded_users,extra_local_users,total_users,baseline_users,ratio_to_baseline,headset_bound_users,link_bound_users";

    public static string Format(IEnumerable<(string Headset, CapacityResult Result)> rows)
    {
        static string F(double v) => double.IsPositiveInfinity(v) ? "inf" : Invariant.Format(v);
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var (h, r) in rows)
            sb.AppendJoin(',', h, r.Configuration, r.Bound == CapacityBound.Compute ? "compute" : "communication",
                    F(r.PeriodSeconds), F(r.OffloadedUsers), F(r.ExtraLocalUsers), F(r.TotalUsers), F(r.BaselineUsers),
                    F(r.RatioToBaseline), F(r.HeadsetBoundUsers), F(r.LinkBoundUsers))
              .Append('\n');
        return sb.ToString();
    }

    public static void Write(string path, IEnumerable<(string Headset, CapacityResult Result)> rows) =>
        AtomicFile.WriteAllText(path, Format(rows));
}
