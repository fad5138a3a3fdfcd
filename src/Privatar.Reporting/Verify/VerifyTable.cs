using System.Text;
using Privatar.Core;
using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>
/// <c>report/verify.csv</c>, the Verify step's output: one row per claim with its status (<c>pass</c>, <c>FAIL</c>,
/// <c>not checked</c>), the measured value and the failure (or tolerance) note. The Report step reads it back, so
/// the report shows exactly what Verify decided; the Cake task reads its first column to pass or fail the build.
/// </summary>
public static class VerifyTable
{
    public static readonly string[] Header =
        ["status", "claim_id", "paper_ref", "source", "selector", "column", "kind", "expected", "tolerance", "tolerance_note", "measured", "message"];

    public static void Write(string path, IReadOnlyList<ClaimResult> results)
    {
        var sb = new StringBuilder().AppendJoin(',', Header).Append('\n');
        foreach (var r in results)
        {
            var c = r.Claim;
            sb.AppendJoin(',', new[] { r.Status, c.Id, c.PaperRef, c.Source, c.Selector, c.Column, c.KindKeyword, c.Expected, c.Tolerance, c.ToleranceNote, r.Actual, r.Message }.Select(Quote))
              .Append('\n');
        }
        AtomicFile.WriteAllText(path, sb.ToString());
    }

    /// <summary>Reads verify.csv back into claim results; a malformed file throws naming the file and line.</summary>
    public static IReadOnlyList<ClaimResult> Read(string path)
    {
        var t = RawTable.Load(path);
        if (!t.Header.SequenceEqual(Header)) throw new InvalidDataException($"{path}:1: header is '{string.Join(",", t.Header)}'; expected '{string.Join(",", Header)}'");
        return t.Rows.Select((r, i) =>
        {
            var origin = $"{path}:{t.Lines[i]}";
            var claim = new Claim(r[1], r[2], r[3], r[4], r[5], Claim.ParseKind(r[6], origin), r[7], r[8], r[9], origin);
            return r[0] switch
            {
                "pass" => new ClaimResult(claim, true, r[10], r[11]),
                "FAIL" => new ClaimResult(claim, false, r[10], r[11]),
                "not checked" => new ClaimResult(claim, false, r[10], r[11]) { NotChecked = true },
                _ => throw new InvalidDataException($"{origin}: status '{r[0]}'; expected pass, FAIL or not checked"),
            };
        }).ToList();
    }

    static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"").Replace("\r", " ").Replace("\n", " ") + "\"";
}
