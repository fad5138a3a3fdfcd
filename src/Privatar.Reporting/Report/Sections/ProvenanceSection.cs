using System.Globalization;
using System.Security.Cryptography;
using Privatar.Pipeline.Stamps;
using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>Hashes of the result tables, and what every pipeline stamp recorded: parameters, input/output hashes, time per step and unit.</summary>
public static class ProvenanceSection
{
    /// <summary>Files listed per unit and direction; the rest are counted (a data unit writes hundreds).</summary>
    const int ShownFiles = 4;

    static string S(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture);

    public static ReportSection Build(ReportContext ctx)
    {
        var files = ResultFamilies.All.Select(f => Path.Combine(ctx.Options.ResultsDir, f.FileName)).Where(File.Exists)
            .Select(p => (IReadOnlyList<string>)[$"`{Path.GetFileName(p)}`", Sha256(p), new FileInfo(p).Length.ToString(CultureInfo.InvariantCulture)]).ToList();
        var blocks = new List<ReportBlock>
        {
            new Paragraph("Where every number came from, folded: open a part to see it."),
            new Folded($"Result tables: SHA-256 of the {files.Count} files", [new Table(["file", "SHA-256", "bytes"], files)]),
        };
        var entries = ctx.Stamps;
        var stamps = entries.Where(e => e.Stamp is not null).Select(e => e.Stamp!).ToList();
        if (stamps.Count == 0)
        {
            blocks.Add(new Paragraph($"No pipeline stamps under `{ctx.Link(ctx.Options.Stamps)}`: these results were not produced by the pipeline " +
                "(or its stamps were removed), so parameters, input hashes and step times cannot be shown."));
            return new ReportSection("provenance", "Provenance", blocks);
        }
        var steps = stamps.GroupBy(s => s.Step).ToList();
        blocks.Add(new Folded($"Time and parameters per step: {steps.Count} steps, {stamps.Count} units, {S(stamps.Sum(s => s.WallSeconds))} s", [new Paragraph($"From the {stamps.Count} unit stamps under `{ctx.Link(ctx.Options.Stamps)}`: the time each unit took when it last ran, " +
            "the code hash and the parameters it was built with (a value differing between units is shown as `a | b`)."),
            new Table(["step", "units", "time (s)", "slowest unit", "code", "parameters"], steps.Select(g => (IReadOnlyList<string>)
        [
            g.Key, g.Count().ToString(CultureInfo.InvariantCulture), S(g.Sum(s => s.WallSeconds)),
            $"{g.MaxBy(s => s.WallSeconds)!.Unit} ({S(g.Max(s => s.WallSeconds))})", $"`{g.First().Code[..Math.Min(8, g.First().Code.Length)]}`",
            string.Join("; ", g.SelectMany(s => s.Params).GroupBy(p => p.Key).OrderBy(p => p.Key, StringComparer.Ordinal)
                .Select(p => $"{p.Key}={string.Join(" | ", p.Select(x => x.Value).Distinct())}")),
        ]).Append(["all", stamps.Count.ToString(CultureInfo.InvariantCulture), S(stamps.Sum(s => s.WallSeconds)), "", "", ""]).ToList())]));
        var root = ctx.Options.ResultsDir.Replace('\\', '/').TrimEnd('/');
        var tree = root.Contains('/') ? root[..root.LastIndexOf('/')] + "/" : "";
        string Files(IReadOnlyList<StampedFile> f) => f.Count == 0 ? "—"
            : string.Join("; ", f.Take(ShownFiles).Select(x => $"{Short(x.Path, tree)} `{x.Hash[..Math.Min(8, x.Hash.Length)]}`"))
              + (f.Count > ShownFiles ? $"; … {f.Count - ShownFiles} more files" : "");
        blocks.Add(new Folded("Every unit: inputs and outputs (xxHash128, first 8 hex digits)", [new Table(["unit", "time (s)", "inputs", "outputs"], stamps.Select(s => (IReadOnlyList<string>)
            [$"{s.Step}[{s.Unit}]", S(s.WallSeconds), Files(s.Deps), Files(s.Outs)]).ToList(),
            $"paths relative to `{tree.TrimEnd('/')}` where they lie in it; at most {ShownFiles} files each way; every file and full hash in the stamp files")]));
        foreach (var bad in entries.Where(e => e.Stamp is null)) blocks.Add(new Paragraph($"Unreadable stamp `{bad.File}`: {bad.Error}"));
        if (stamps.FirstOrDefault()?.Environment is { Count: > 0 } env)
            blocks.Add(new Paragraph("Machine (from the stamps): " + string.Join(", ", env.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key} `{e.Value}`"))));
        return new ReportSection("provenance", "Provenance", blocks);
    }

    static string Short(string path, string tree) => tree.Length > 0 && path.StartsWith(tree, StringComparison.Ordinal) ? path[tree.Length..] : path;

    static string Sha256(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }
}
