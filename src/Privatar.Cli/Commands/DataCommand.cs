using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Privatar.Contracts.Verbs;
using Privatar.Core;
using Privatar.Data.Dataset;
using Privatar.Data.Format;
using Privatar.Data.Generator;
using Privatar.Data.Inspection;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar data generate</c> writes the procedural subject; <c>privatar data inspect &lt;root&gt;</c> validates any subject.</summary>
public static class DataCommand
{
    public static void Register(RootCommand root)
    {
        var group = CliRunner.GetOrAddGroup(root, "data", "Multiface data: generate the procedural subject, inspect a subject");
        group.Subcommands.Add(ContractCommand.Build<DataGenerateArgs>(Generate));
        group.Subcommands.Add(Inspect());
    }

    /// <summary>The procedural subject of a <c>data generate</c> contract (the Data step runs the generator from the same record).</summary>
    static int Generate(DataGenerateArgs a)
    {
        var sw = Stopwatch.StartNew();
        var last = -1;
        var result = MultifaceGenerator.Generate(GeneratorConfig.From(a), a.Root, new Progress<GeneratorProgress>(g =>
        {
            int pct = 100 * g.FramesDone / g.FramesTotal;
            if (pct / 10 != last / 10) { last = pct; AnsiConsole.WriteLine($"  {g.FramesDone}/{g.FramesTotal} frames"); }
        }));
        AnsiConsole.WriteLine($"wrote {result.Root}: {result.Frames} frames x {result.Cameras} cameras = {result.Samples} samples in {sw.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
        return 0;
    }

    // Contact-sheet layout only: no cake.config home, as inspection is never a pipeline unit.
    const int DefaultCell = 96, DefaultTilesPerRow = 5;

    static Command Inspect()
    {
        var rootArg = new Argument<string>("root") { Description = "subject root (e.g. .../m--20180227--0000--6795937--GHS)" };
        var sheet = new Option<string?>("--sheet") { Description = "contact sheet PNG to write (default: <root>.contact-sheet.png)" };
        var camCfg = new Option<string?>("--camera-config") { Description = "camera split config JSON (default: <root>/camera-split-config.json, else the camera folders)" };
        var seg = new Option<string?>("--test-segment") { Description = "test segment JSON (default: <root>/test_segment.json, else the original's prefixes)" };
        var attack = new Option<string?>("--attack-frames") { Description = "one-frame-per-expression list (default: <root>/selected_expression_frame_list.txt, else derived)" };
        var cell = new Option<int?>("--cell") { Description = $"contact sheet cell size in pixels (default {DefaultCell})" };
        var perRow = new Option<int?>("--tiles-per-row") { Description = $"contact sheet tiles (expressions) per row (default {DefaultTilesPerRow})" };
        var allowMissing = new Option<bool>("--allow-missing-samples") { Description = "skip (and count) samples whose texture is missing instead of failing" };
        var cmd = new Command("inspect", "Print counts and sizes, load every sample to validate the tree, and write a contact sheet") { rootArg, sheet, camCfg, seg, attack, cell, perRow, allowMissing };
        cmd.SetAction(p =>
        {
            var root = p.GetValue(rootArg)!;
            var sw = Stopwatch.StartNew();
            var ds = MultifaceDataset.Open(root, new DatasetOptions(p.GetValue(camCfg), p.GetValue(seg), p.GetValue(attack)) { AllowMissingSamples = p.GetValue(allowMissing) });
            var r = DatasetInspector.Inspect(ds);
            if (ds.SkippedSamples > 0) Console.Error.WriteLine($"warning: skipped {ds.SkippedSamples} sample(s) whose texture is missing (--allow-missing-samples)");
            var readSeconds = sw.Elapsed.TotalSeconds;
            var t = new Table().AddColumn("item").AddColumn("value");
            void Row(string k, object v) => t.AddRow(Markup.Escape(k), Markup.Escape(Convert.ToString(v, CultureInfo.InvariantCulture) ?? ""));
            Row("root", r.Root);
            Row("cameras (KRT)", r.Cameras);
            Row("camera sets", string.Join(", ", r.CameraSets.Select(s => $"{s.Key}={s.Value}")) + $"  [{r.Sources.CameraSets}]");
            Row("frames / expressions", $"{r.Frames} / {r.Expressions}");
            Row("train / test frames", $"{r.TrainFrames} / {r.TestFrames}  [test prefixes: {string.Join(",", ds.TestPrefixes)}; {r.Sources.TestPrefixes}]");
            Row("train / test samples", $"{r.TrainSamples} / {r.TestSamples}  (frames without average texture: {r.FramesWithoutAverage})");
            Row("attack frames", $"{r.AttackFrames}  [{r.Sources.AttackFrames}]");
            Row("texture", $"{r.TextureWidth} x {r.TextureHeight}, texstd {r.TexStd:G6}");
            Row("photo (W x H)", $"{r.PhotoWidth} x {r.PhotoHeight}");
            Row("mesh", $"{r.Vertices} vertices, {r.Faces} faces, {r.Uvs} uvs, vertstd {r.VertStd:G6}");
            Row("samples loaded", $"{r.SamplesLoaded} in {readSeconds.ToString("F1", CultureInfo.InvariantCulture)} s");
            AnsiConsole.Write(t);

            var sheetPath = p.GetValue(sheet) ?? Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + ".contact-sheet.png";
            var (img, legend) = ContactSheet.Build(ds, p.GetValue(cell) ?? DefaultCell, p.GetValue(perRow) ?? DefaultTilesPerRow);
            Png.Write(sheetPath, img);
            AnsiConsole.WriteLine($"contact sheet: {sheetPath}");
            foreach (var l in legend) AnsiConsole.WriteLine("  " + l);
            foreach (var prob in r.Problems) AnsiConsole.MarkupLine($"[red]problem:[/] {Markup.Escape(prob)}");
            return r.Problems.Count == 0 ? 0 : 1;
        });
        return cmd;
    }
}
