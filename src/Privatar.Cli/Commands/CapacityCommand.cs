using Privatar.Contracts;
using System.CommandLine;
using Privatar.Core;
using Privatar.Evaluation.Capacity;
using Privatar.Models;
using Privatar.Results;
using Privatar.Training;
using Spectre.Console;
using static Privatar.Cli.Commands.VaeCommand;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar vae capacity</c>: merges the latency CSVs of the Latency step and computes users supported.</summary>
public static class CapacityCommand
{
    public static Command Build()
    {
        var inputs = new Argument<string[]>("latency") { Description = "per-configuration latency CSVs (from vae latency)" };
        var outLatency = Req("--out-latency", "merged latency.csv");
        var outCapacity = Req("--out-capacity", "capacity.csv");
        var tex = Opt("--tex-size", "texture size the latencies were measured at", 1024);
        var param = new Option<string[]>("--param") { Description = "a [capacity] key=value (repeat for every key)" };
        var cmd = new Command("capacity", "Merge latency CSVs and compute users supported per configuration and headset") { inputs, outLatency, outCapacity, tex, param };
        cmd.SetAction(p =>
        {
            var section = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var kv in p.GetValue(param) ?? [])
            {
                var eq = kv.IndexOf('=');
                if (eq <= 0) throw new ArgumentException($"--param '{kv}': expected key=value");
                section[kv[..eq]] = kv[(eq + 1)..];
            }
            var parameters = CapacityParameters.FromSection(section);
            var measured = p.GetValue(inputs)!.Select(f =>
            {
                var rows = ResultCsv.ReadFile(ResultFamilies.Latency, f);
                if (rows.Count == 0) throw new InvalidDataException($"{f}: no latency rows");
                return (SpecOf(rows[0].Variant, rows[0].Config), rows);
            }).ToList();
            ResultCsv.WriteFile(ResultFamilies.Latency, p.GetValue(outLatency)!, measured.SelectMany(m => m.rows));
            var capacity = CapacityReport.Build(measured, new VaeConfig { TexSize = p.GetValue(tex) }, parameters);
            ResultCsv.WriteFile(ResultFamilies.Capacity, p.GetValue(outCapacity)!, capacity);
            AnsiConsole.WriteLine($"{measured.Count} configurations -> {capacity.Count} capacity rows");
            return 0;
        });
        return cmd;
    }

    /// <summary>Back from the result tables' names to a configuration (variant names differ: sparsity, frequency_decompose).</summary>
    static ModelConfig SpecOf(string variant, string config)
    {
        var v = ModelVariants.ParseResult(variant).Name();
        int? Int(string prefix) => config.StartsWith(prefix, StringComparison.Ordinal) ? int.Parse(config[prefix.Length..], Invariant.Culture) : null;
        double? Dbl(string prefix) => config.StartsWith(prefix, StringComparison.Ordinal) ? Invariant.ParseDouble(config[prefix.Length..]) : null;
        return ModelConfig.Parse(v, Int("bits"), Dbl("ratio"), Int("n"));
    }
}
