using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>Checks every claim of an expected table against the result tables of a results folder.</summary>
public static class VerifyEngine
{
    public static IReadOnlyList<ClaimResult> Run(string expectedTable, string resultsDir, IReadOnlyCollection<string>? produced = null) =>
        Run(Claim.Load(expectedTable), resultsDir, produced);

    /// <summary>
    /// With <paramref name="produced"/> (the result files some step of the build declares), a claim on any other table
    /// is not checked but listed with the reason; without it every claim is checked and a missing table fails it.
    /// </summary>
    public static IReadOnlyList<ClaimResult> Run(IReadOnlyList<Claim> claims, string resultsDir, IReadOnlyCollection<string>? produced = null)
    {
        var tables = new Dictionary<string, RawTable?>();
        var results = new List<ClaimResult>();
        foreach (var claim in claims)
        {
            if (produced is not null && !produced.Contains(claim.Source))
            {
                results.Add(new ClaimResult(claim, false, "", $"no step of this build produces {claim.Source}") { NotChecked = true });
                continue;
            }
            if (!tables.TryGetValue(claim.Source, out var table))
            {
                var path = Path.Combine(resultsDir, claim.Source);
                tables[claim.Source] = table = File.Exists(path) ? RawTable.Load(path) : null;
            }
            results.Add(table is null
                ? new ClaimResult(claim, false, "", $"missing {Path.Combine(resultsDir, claim.Source)}")
                : ClaimChecker.Check(claim, table));
        }
        return results;
    }

    /// <summary>The plain last line of a verify run: <c>N passed, M failed</c>.</summary>
    public static string Summary(IReadOnlyList<ClaimResult> results) =>
        $"{results.Count(r => r.Passed)} passed, {results.Count(r => r.Failed)} failed";

    /// <summary>"K claims not checked (…)" when some were skipped, else empty.</summary>
    public static string NotCheckedNote(IReadOnlyList<ClaimResult> results)
    {
        var skipped = results.Where(r => r.NotChecked).ToList();
        return skipped.Count == 0 ? "" : $"{skipped.Count} claim{(skipped.Count == 1 ? "" : "s")} not checked: no step of this build produces {string.Join(", ", skipped.Select(r => r.Claim.Source).Distinct())}";
    }
}
