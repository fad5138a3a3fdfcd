using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>What differs from the paper's setting, and why: partly fixed facts of this build, partly read from the tables.</summary>
public static class DifferencesSection
{
    public static ReportSection Build(ReportContext ctx)
    {
        var d = ctx.Data;
        var items = new List<string>
        {
            $"Profile `{ctx.Options.Profile}`: the `smoke` and `functional` profiles shrink data, model widths and iteration counts so the whole pipeline runs on 2 CPU cores; " +
                "only `full` uses the paper's configuration. Absolute numbers of the smaller profiles are not comparable with the paper; their expected tables check orderings instead.",
            "Data: the paper uses the Multiface capture m--20180227--0000--6795937--GHS. The data step's stamp (Provenance) records which data this run used; if it was a synthetic stand-in, losses, attack rates and covariances say nothing about real faces.",
            "Hardware: the README's latencies are from an RTX 5090 (GPU, traced) and an unnamed CPU; ours are measured on this machine's CPU under no-grad with warm-up, and the capacity model turns them into users with the headset throughputs of `cake.config`.",
            "Fidelity: every privacy step runs both as the original code computes it (`original`) and as the paper and theory describe (`corrected`); the paper's numbers correspond to `original`.",
            "LPIPS needs pretrained AlexNet weights that cannot be downloaded here; it is empty unless a user supplies converted weights, and SSIM is reported instead.",
            "Not checked automatically: claims that combine two tables (the abstract's 6.5% loss overhead, the DP/PAC ratio of 17.6×) and the 9% energy overhead (no energy is measured).",
        };
        if (d.Has(ResultFamilies.Latency))
            items.Add($"Latency was measured on {string.Join(", ", d.Latency.Select(r => $"`{r.Device}`").Distinct())} with {string.Join(", ", d.Latency.Select(r => r.Threads).Distinct().Order())} thread(s).");
        if (d.Has(ResultFamilies.Attacks))
            items.Add($"Attacks use K = {string.Join(", ", d.Attacks.Select(r => r.Classes).Distinct().Order())} classes (the attack's expression count; the original README's prior 1/56 assumes 56) and {string.Join(", ", d.Attacks.Select(r => r.Trials).Distinct().Order())} trials per point.");
        if (d.Has(ResultFamilies.TestMetrics))
            items.Add($"Test metrics average {string.Join(", ", d.TestMetrics.Select(r => r.Samples).Distinct().Order())} test samples per model.");
        return new ReportSection("differences", "What differs from the paper, and why", [new Bullets(items)]);
    }
}
