using System.CommandLine;
using Privatar.Contracts;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Privatar.Models;
using Privatar.Models.Analysis;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar model describe</c>: parameter counts per part and headset/cloud decoder FLOPs of one model configuration.</summary>
public static class ModelCommand
{
    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "model", "DeepAppearanceVAE-family models");
        group.Subcommands.Add(ContractCommand.Build<ModelDescribeArgs>(Describe));
    }

    static int Describe(ModelDescribeArgs a)
    {
        var cfg = new VaeConfig { TexSize = a.TexSize, Vertices = a.Vertices }.Validate();
        var m = a.Model;
        // The swept value travels in the model id; a variant without one leaves the describer's own (unused) value.
        var d = m.Variant switch
        {
            VaeVariant.Quantization => ModelDescriber.Describe(m.Variant, cfg, bits: m.Bits!.Value),
            VaeVariant.Sparse => ModelDescriber.Describe(m.Variant, cfg, sparsity: m.Ratio!.Value),
            VaeVariant.Partition => ModelDescriber.Describe(m.Variant, cfg, offloaded: m.Offloaded!.Value),
            _ => ModelDescriber.Describe(m.Variant, cfg),
        };
        if (a.Json == true) { Console.Out.Write(ModelDescriber.ToJson(d)); return 0; }
        var table = new Table().AddColumn("item").AddColumn(new TableColumn("value").RightAligned());
        foreach (var (part, n) in d.Parameters) table.AddRow($"params {part}", Invariant.Format(n));
        table.AddRow("params total", Invariant.Format(d.TotalParameters));
        table.AddRow("headset decoder FLOPs (profiler, G)", (d.HeadsetDecoder.ProfilerFlops / 1e9).ToString("F3", Invariant.Culture));
        table.AddRow("headset decoder true MACs (G)", (d.HeadsetDecoder.TrueMacs / 1e9).ToString("F3", Invariant.Culture));
        if (d.CloudDecoder is { } c)
            table.AddRow("cloud decoder FLOPs (profiler, G)", (c.ProfilerFlops / 1e9).ToString("F3", Invariant.Culture));
        AnsiConsole.Write(table);
        return 0;
    }
}
