using System.Globalization;
using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>How a claim compares the measured value with the expected one.</summary>
public enum ClaimKind { Approx, AtMost, AtLeast, Between, Order, Exists }

/// <summary>
/// One row of an expected table (<c>verify/expected-&lt;profile&gt;.csv</c>): a claim of the paper or README, where
/// the number lives in our results, how to compare it, and why the tolerance is what it is.
/// </summary>
/// <param name="Selector"><c>key=value;key=a|b</c>; an empty value matches an empty cell; empty selects every row.</param>
/// <param name="Column">A column, or an aggregate over the selected rows: <c>min(c)</c>, <c>max(c)</c>, <c>mean(c)</c>, <c>sum(c)</c>, <c>last(c)</c>, <c>count()</c>.</param>
/// <param name="Expected">A number; <c>lo..hi</c> for between; <c>rises with k</c> / <c>falls with k</c> for order; empty for exists.</param>
/// <param name="Tolerance">Absolute (<c>0.005</c>) or relative to the expected value (<c>5%</c>); empty means exact.</param>
public sealed record Claim(
    string Id, string PaperRef, string Source, string Selector, string Column, ClaimKind Kind,
    string Expected, string Tolerance, string ToleranceNote, string Origin)
{
    public static readonly string[] Header = ["claim_id", "paper_ref", "source", "selector", "column", "kind", "expected", "tolerance", "tolerance_note"];

    /// <summary>Reads an expected table; a malformed row throws <see cref="FormatException"/> naming file and line.</summary>
    public static IReadOnlyList<Claim> Load(string path)
    {
        var table = RawTable.Load(path);
        if (!table.Header.SequenceEqual(Header))
            throw new FormatException($"{path}:1: header is '{string.Join(",", table.Header)}'; expected '{string.Join(",", Header)}'");
        var claims = new List<Claim>();
        for (var i = 0; i < table.Rows.Count; i++)
        {
            var c = table.Rows[i];
            var origin = $"{path}:{table.Lines[i]}";
            var kind = ParseKind(c[5], origin);
            if (string.IsNullOrWhiteSpace(c[0])) throw new FormatException($"{origin}: claim_id is empty");
            if (ResultFamilies.ByFileName(c[2]) is null)
                throw new FormatException($"{origin}: source '{c[2]}' is not a result table; expected one of {string.Join(", ", ResultFamilies.All.Select(f => f.FileName))}");
            var claim = new Claim(c[0], c[1], c[2], c[3], c[4], kind, c[6], c[7], c[8], origin);
            ClaimChecker.Validate(claim);
            claims.Add(claim);
        }
        var dup = claims.GroupBy(c => c.Id).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null) throw new FormatException($"{path}: claim_id '{dup.Key}' appears {dup.Count()} times");
        return claims;
    }

    internal static ClaimKind ParseKind(string text, string origin) => text switch
    {
        "approx" => ClaimKind.Approx,
        "<=" or "≤" or "le" => ClaimKind.AtMost,
        ">=" or "≥" or "ge" => ClaimKind.AtLeast,
        "between" => ClaimKind.Between,
        "order" => ClaimKind.Order,
        "exists" => ClaimKind.Exists,
        _ => throw new FormatException($"{origin}: kind '{text}' is unknown; expected approx, <=, >=, between, order or exists"),
    };

    /// <summary>The kind as the expected tables spell it (approx, &lt;=, &gt;=, between, order, exists).</summary>
    public string KindKeyword => Kind switch
    {
        ClaimKind.Approx => "approx", ClaimKind.AtMost => "<=", ClaimKind.AtLeast => ">=",
        ClaimKind.Between => "between", ClaimKind.Order => "order", _ => "exists",
    };

    public string KindText => Kind switch
    {
        ClaimKind.Approx => "≈", ClaimKind.AtMost => "≤", ClaimKind.AtLeast => "≥",
        ClaimKind.Between => "between", ClaimKind.Order => "order", _ => "exists",
    };

    internal static double Number(string text, string what, string origin) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            ? v : throw new FormatException($"{origin}: {what} '{text}' is not a number");
}
