using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>latency.csv</c>: decoder inference latency at batch 1 under no-grad after warm-up (Latency), one row per
/// model and path, with the FLOPs of that path.
/// </summary>
[CsvRecord]
public sealed partial record LatencyRow : IValidatedRow
{
    /// <summary>Model variant (see <see cref="Vocabulary.Variants"/>).</summary>
    [CsvColumn("variant")] public string Variant { get; init; } = "";
    /// <summary>Variant configuration (<c>default</c>, <c>bits8</c>, <c>ratio0.1</c>, <c>n14</c>, ...).</summary>
    [CsvColumn("config")] public string Config { get; init; } = "";
    /// <summary>Offloaded components for partition (and 16 for direct split); empty otherwise.</summary>
    [CsvColumn("n")] public int? N { get; init; }
    /// <summary><c>headset</c> (local path + mesh), <c>cloud</c> (offloaded path) or <c>full</c> (whole decoder).</summary>
    [CsvColumn("path")] public string Path { get; init; } = "";
    /// <summary>Median latency over the timed iterations, milliseconds.</summary>
    [CsvColumn("median_ms")] public double MedianMs { get; init; }
    /// <summary>5th percentile, milliseconds.</summary>
    [CsvColumn("p5_ms")] public double P5Ms { get; init; }
    /// <summary>95th percentile, milliseconds.</summary>
    [CsvColumn("p95_ms")] public double P95Ms { get; init; }
    /// <summary>Timed iterations (after warm-up).</summary>
    [CsvColumn("iterations")] public long Iterations { get; init; }
    /// <summary>libtorch intra-op threads during timing.</summary>
    [CsvColumn("threads")] public int Threads { get; init; }
    /// <summary>Device the path ran on (cpu, cuda:0, ...).</summary>
    [CsvColumn("device")] public string Device { get; init; } = "";
    /// <summary>FLOPs as the original counts them (torchprofile: 2×MACs, transposed convs as numel(out)·C_in·k²).</summary>
    [CsvColumn("flops_original")] public double? FlopsOriginal { get; init; }
    /// <summary>True multiply-accumulates of the path.</summary>
    [CsvColumn("macs")] public double? Macs { get; init; }
    /// <summary>Parameters of the path.</summary>
    [CsvColumn("params")] public long? Params { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "variant", Variant, Vocabulary.Variants);
        Vocabulary.CheckNonEmpty(p, "config", Config);
        Vocabulary.Check(p, "path", Path, Vocabulary.Paths);
        if (!(P5Ms <= MedianMs && MedianMs <= P95Ms)) p.Add($"columns p5_ms <= median_ms <= p95_ms violated ({P5Ms}, {MedianMs}, {P95Ms})");
        if (Iterations <= 0) p.Add($"column 'iterations' is {Iterations}; expected > 0");
        return p;
    }
}
