using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>Checks every claim of an expected table against the result tables of a results folder.</summary>
public static class VerifyEngine
{
    public static IReadOnlyList<ClaimResult> Run(string expectedTable, string resultsDir) => Run(Claim.Load(expectedTable), resultsDir);

    public static IReadOnlyList<ClaimResult> Run(IReadOnlyList<Claim> claims, string resultsDir)
    {
        var tables = new Dictionary<string, RawTable?>();
        var results = new List<ClaimResult>();
        foreach (var claim in claims)
        {
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
        $"{results.Count(r => r.Passed)} passed, {results.Count(r => !r.Passed)} failed";
}
