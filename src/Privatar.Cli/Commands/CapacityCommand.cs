using System.CommandLine;
using Privatar.Contracts;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Privatar.Evaluation.Capacity;
using Privatar.Models;
using Privatar.Results;
using Privatar.Training;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar vae capacity</c>: merges the latency CSVs of the Latency step and computes users supported.</summary>
public static class CapacityCommand
{
    public static Command Build() => ContractCommand.Build<VaeCapacityArgs>(Run);

    static int Run(VaeCapacityArgs a)
    {
        var parameters = CapacityParameters.FromSection(Section(a));
        var measured = a.Latency.Select(f =>
        {
            var rows = ResultCsv.ReadFile(ResultFamilies.Latency, f);
            if (rows.Count == 0) throw new InvalidDataException($"{f}: no latency rows");
            return (SpecOf(rows[0].Variant, rows[0].Config), rows);
        }).ToList();
        ResultCsv.WriteFile(ResultFamilies.Latency, a.OutLatency, measured.SelectMany(m => m.rows));
        var capacity = CapacityReport.Build(measured, new VaeConfig { TexSize = a.TexSize }, parameters);
        ResultCsv.WriteFile(ResultFamilies.Capacity, a.OutCapacity, capacity);
        AnsiConsole.WriteLine($"{measured.Count} configurations -> {capacity.Count} capacity rows");
        return 0;
    }

    /// <summary>The [capacity] section as CapacityParameters reads it (and checks it, naming each key).</summary>
    static Dictionary<string, string> Section(VaeCapacityArgs a) => new(StringComparer.Ordinal)
    {
        ["frame_rate_hz"] = Invariant.Format(a.FrameRateHz), ["headsets"] = string.Join(", ", a.Headsets),
        ["quest_pro_baseline_seconds"] = Invariant.Format(a.QuestProBaselineSeconds), ["quest_pro_flops"] = Invariant.Format(a.QuestProFlops),
        ["quest_3_baseline_seconds"] = Invariant.Format(a.Quest3BaselineSeconds), ["quest_3_flops"] = Invariant.Format(a.Quest3Flops),
        ["cloud_relative_throughput"] = Invariant.Format(a.CloudRelativeThroughput), ["cloud_flops"] = Invariant.Format(a.CloudFlops),
        ["downlink_mbps"] = Invariant.Format(a.DownlinkMbps), ["uplink_mbps"] = Invariant.Format(a.UplinkMbps),
        ["bytes_per_element"] = Invariant.Format(a.BytesPerElement),
    };

    /// <summary>Back from the result tables' names to a configuration (variant names differ: sparsity, frequency_decompose).</summary>
    static ModelConfig SpecOf(string variant, string config)
    {
        var v = ModelVariants.ParseResult(variant).Name();
        int? Int(string prefix) => config.StartsWith(prefix, StringComparison.Ordinal) ? int.Parse(config[prefix.Length..], Invariant.Culture) : null;
        double? Dbl(string prefix) => config.StartsWith(prefix, StringComparison.Ordinal) ? Invariant.ParseDouble(config[prefix.Length..]) : null;
        return ModelConfig.Parse(v, Int("bits"), Dbl("ratio"), Int("n"));
    }
}
