using System.Security.Cryptography;
using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>Hashes of the result tables, and what every pipeline stamp recorded (parameters, input/output hashes, time).</summary>
public static class ProvenanceSection
{
    public static ReportSection Build(ReportContext ctx)
    {
        var files = ResultFamilies.All.Select(f => Path.Combine(ctx.Options.ResultsDir, f.FileName)).Where(File.Exists)
            .Select(p => (IReadOnlyList<string>)[$"`{Path.GetFileName(p)}`", Sha256(p), new FileInfo(p).Length.ToString(System.Globalization.CultureInfo.InvariantCulture)]).ToList();
        var blocks = new List<ReportBlock>
        {
            new Heading("Result tables"),
            new Table(["file", "SHA-256", "bytes"], files),
        };
        var stamps = StampReader.ReadAll(ctx.Options.Stamps);
        blocks.Add(new Heading($"Pipeline stamps under `{ctx.Link(ctx.Options.Stamps)}`"));
        blocks.Add(stamps.Count == 0
            ? new Paragraph("No `*.stamp.json` files found: these results were not produced by the pipeline (or its stamps were removed), so parameters, input hashes and step times cannot be shown.")
            : new Table(["unit", "parameters", "inputs", "outputs", "time", "other fields", "stamp"],
                stamps.Select(s => (IReadOnlyList<string>)[s.Unit, s.Parameters, s.Inputs, s.Outputs, s.Time, s.Other, $"`{s.File}`"]).ToList()));
        return new ReportSection("provenance", "Provenance", blocks);
    }

    static string Sha256(string path)
    {
        using var s = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(s));
    }
}
