using System.CommandLine;
using Privatar.Core;
using Privatar.Models;
using Privatar.Models.Analysis;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar model describe</c>: parameter counts per part and headset/cloud decoder FLOPs of a variant.</summary>
public static class ModelCommand
{
    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "model", "DeepAppearanceVAE-family models");
        var variant = new Option<string>("--variant") { Description = "baseline, direct_split, quantization, sparse, freq_decompose or partition", Required = true };
        var texSize = new Option<int>("--tex-size") { Description = "texture side (4·4^s: 64, 256, 1024)", DefaultValueFactory = _ => 1024 };
        var vertices = new Option<int>("--vertices") { Description = "mesh vertices", DefaultValueFactory = _ => 7306 };
        var offloaded = new Option<int>("--offloaded") { Description = "partition: BDCT components offloaded (2..14, even)", DefaultValueFactory = _ => 14 };
        var bits = new Option<int>("--bits") { Description = "quantization: weight bitwidth", DefaultValueFactory = _ => 8 };
        var sparsity = new Option<double>("--sparsity") { Description = "sparse: pruning ratio in [0, 1)", DefaultValueFactory = _ => 0.2 };
        var json = new Option<bool>("--json") { Description = "print JSON instead of a table" };
        var cmd = new Command("describe", "Parameter counts per part and headset-side decoder FLOPs (original profiler convention and true MACs)")
        {
            variant, texSize, vertices, offloaded, bits, sparsity, json,
        };
        cmd.SetAction(parse =>
        {
            var cfg = new VaeConfig { TexSize = parse.GetValue(texSize), Vertices = parse.GetValue(vertices) }.Validate();
            var d = ModelDescriber.Describe(Vae.ParseVariant(parse.GetValue(variant)!), cfg,
                parse.GetValue(offloaded), parse.GetValue(bits), parse.GetValue(sparsity));
            if (parse.GetValue(json)) { Console.Out.Write(ModelDescriber.ToJson(d)); return 0; }
            var table = new Table().AddColumn("item").AddColumn(new TableColumn("value").RightAligned());
            foreach (var (part, n) in d.Parameters) table.AddRow($"params {part}", Invariant.Format(n));
            table.AddRow("params total", Invariant.Format(d.TotalParameters));
            table.AddRow("headset decoder FLOPs (profiler, G)", (d.HeadsetDecoder.ProfilerFlops / 1e9).ToString("F3", Invariant.Culture));
            table.AddRow("headset decoder true MACs (G)", (d.HeadsetDecoder.TrueMacs / 1e9).ToString("F3", Invariant.Culture));
            if (d.CloudDecoder is { } c)
                table.AddRow("cloud decoder FLOPs (profiler, G)", (c.ProfilerFlops / 1e9).ToString("F3", Invariant.Culture));
            AnsiConsole.Write(table);
            return 0;
        });
        group.Subcommands.Add(cmd);
    }
}
