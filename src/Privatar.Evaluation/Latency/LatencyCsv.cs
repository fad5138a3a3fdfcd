using System.Text;
using Privatar.Core;

namespace Privatar.Evaluation.Latency;

/// <summary>One row of the step-3 table: a decoder path of one trained configuration, its latency and its FLOPs.</summary>
/// <param name="Path">"full" (whole decoder), "headset" or "cloud" (partition / direct split halves).</param>
/// <param name="Flops">FLOPs at batch 1 from the models' describe logic (state which convention in the CSV's name or note).</param>
public sealed record LatencyRow(string Variant, string Configuration, string Path, LatencyResult Latency, long Flops);

/// <summary>Step-3 latency CSV, invariant culture, written atomically.</summary>
public static class LatencyCsv
{
    public const string Header =
        "variant,configuration,path,median_ms,p5_ms,p95_ms,mean_ms,median_ci_low_ms,median_ci_high_ms,iterations,warmup,threads,stop,flops";

    public static string Format(IEnumerable<LatencyRow> rows)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
        {
            foreach (var field in new[] { r.Variant, r.Configuration, r.Path })
                if (field.Contains(',') || field.Contains('\n'))
                    throw new ArgumentException($"latency CSV: field '{field}' must not contain commas or newlines");
            var l = r.Latency;
            sb.AppendJoin(',', r.Variant, r.Configuration, r.Path,
                    Invariant.Format(l.MedianMs), Invariant.Format(l.P5Ms), Invariant.Format(l.P95Ms), Invariant.Format(l.MeanMs),
                    Invariant.Format(l.MedianCiLowMs), Invariant.Format(l.MedianCiHighMs),
                    Invariant.Format(l.Iterations), Invariant.Format(l.Warmup), Invariant.Format(l.Threads),
                    l.Stop.ToString().ToLowerInvariant(), Invariant.Format(r.Flops))
              .Append('\n');
        }
        return sb.ToString();
    }

    public static void Write(string path, IEnumerable<LatencyRow> rows) => AtomicFile.WriteAllText(path, Format(rows));
}
