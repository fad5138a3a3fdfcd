using System.Globalization;
using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>Checks one claim against its result table.</summary>
public static class ClaimChecker
{
    /// <summary>Throws <see cref="FormatException"/> (naming the claim's file and line) if the claim cannot be evaluated at all.</summary>
    public static void Validate(Claim c)
    {
        Selector.Parse(c.Selector, c.Origin);
        ColumnSpec.Parse(c.Column, c.Origin);
        Tolerance(c, 1);
        switch (c.Kind)
        {
            case ClaimKind.AtMost or ClaimKind.AtLeast when RowColumn(c) is not null || Reference(c) is not null:
                if (ColumnSpec.Parse(c.Column, c.Origin).Aggregate is not null)
                    throw new FormatException($"{c.Origin}: a row-wise bound (expected '{c.Expected}') compares a plain column, not '{c.Column}'");
                if (Reference(c) is { } reference) Selector.Parse(reference.Selector, c.Origin);
                break;
            case ClaimKind.Approx or ClaimKind.AtMost or ClaimKind.AtLeast: Claim.Number(c.Expected, "expected", c.Origin); break;
            case ClaimKind.Between: Range(c); break;
            case ClaimKind.Order: OrderSpec(c); break;
        }
    }

    public static ClaimResult Check(Claim c, RawTable table)
    {
        try
        {
            var rows = Selector.Parse(c.Selector, c.Origin).Match(table);
            var col = ColumnSpec.Parse(c.Column, c.Origin);
            if (c.Kind == ClaimKind.Exists) return Exists(c, table, rows, col);
            if (c.Kind == ClaimKind.Order) return Order(c, table, rows, col);
            if (c.Kind is ClaimKind.AtMost or ClaimKind.AtLeast && RowColumn(c) is { } bound) return RowWise(c, table, rows, col, bound);
            if (c.Kind is ClaimKind.AtMost or ClaimKind.AtLeast && Reference(c) is { } reference) return AgainstReference(c, table, rows, col, reference);
            var actual = col.Evaluate(table, rows);
            var expected = c.Kind == ClaimKind.Between ? double.NaN : Claim.Number(c.Expected, "expected", c.Origin);
            var tol = c.Kind == ClaimKind.Between ? 0 : Tolerance(c, expected);
            var passed = c.Kind switch
            {
                ClaimKind.Approx => Math.Abs(actual - expected) <= tol,
                ClaimKind.AtMost => actual <= expected + tol,
                ClaimKind.AtLeast => actual >= expected - tol,
                _ => actual >= Range(c).Lo && actual <= Range(c).Hi,
            };
            return new ClaimResult(c, passed, Fmt(actual), passed ? "" : $"{Fmt(actual)} is not {c.KindText} {c.Expected}{(c.Tolerance.Length > 0 ? $" ± {c.Tolerance}" : "")}");
        }
        catch (InvalidDataException e)
        {
            return new ClaimResult(c, false, "", e.Message);
        }
    }

    static ClaimResult Exists(Claim c, RawTable table, List<int> rows, ColumnSpec col)
    {
        if (rows.Count == 0) return new ClaimResult(c, false, "0 rows", "no row matches the selector");
        if (col.Column.Length > 0 && col.Aggregate is null)
        {
            var i = table.ColumnIndex(col.Column);
            var empty = rows.FirstOrDefault(r => table.Rows[r][i].Length == 0, -1);
            if (empty >= 0) return new ClaimResult(c, false, $"{rows.Count} rows", $"{table.Path}:{table.Lines[empty]}: column '{col.Column}' is empty");
        }
        return new ClaimResult(c, true, $"{rows.Count} rows", "");
    }

    /// <summary><c>column(x)</c> as the expected value: each selected row is compared with its own cell of column x.</summary>
    static string? RowColumn(Claim c) =>
        c.Expected.StartsWith("column(", StringComparison.Ordinal) && c.Expected.EndsWith(')') ? c.Expected["column(".Length..^1] : null;

    /// <summary>
    /// <c>ref(&lt;selector&gt; by k1,k2)</c> as the expected value: each selected row is compared with the same column of
    /// the one reference row (matching the selector) that agrees with it on the key columns, e.g. every DP method's
    /// accuracy against the real-data row of its dataset and classifier.
    /// </summary>
    static (string Selector, string[] Keys)? Reference(Claim c)
    {
        if (!c.Expected.StartsWith("ref(", StringComparison.Ordinal) || !c.Expected.EndsWith(')')) return null;
        var body = c.Expected["ref(".Length..^1];
        var by = body.LastIndexOf(" by ", StringComparison.Ordinal);
        if (by < 0) throw new FormatException($"{c.Origin}: expected '{c.Expected}' must read ref(<selector> by <key column>,...)");
        var keys = body[(by + " by ".Length)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (keys.Length == 0) throw new FormatException($"{c.Origin}: expected '{c.Expected}' names no key column after 'by'");
        return (body[..by].Trim(), keys);
    }

    static ClaimResult AgainstReference(Claim c, RawTable table, List<int> rows, ColumnSpec col, (string Selector, string[] Keys) reference)
    {
        if (rows.Count == 0) return new ClaimResult(c, false, "0 rows", "no row matches the selector");
        var values = col.Values(table, rows);
        var refRows = Selector.Parse(reference.Selector, c.Origin).Match(table);
        var keys = reference.Keys.Select(table.ColumnIndex).ToArray();
        string Key(int row) => string.Join(", ", reference.Keys.Zip(keys, (k, i) => $"{k}={table.Rows[row][i]}"));
        var refValues = col.Values(table, refRows);
        var byKey = refRows.Select((r, i) => (Key: Key(r), Row: r, Value: refValues[i])).GroupBy(t => t.Key).ToDictionary(g => g.Key, g => g.ToList());
        for (var i = 0; i < rows.Count; i++)
        {
            var key = Key(rows[i]);
            if (!byKey.TryGetValue(key, out var match))
                return new ClaimResult(c, false, "no reference", $"{table.Path}:{table.Lines[rows[i]]}: no row of {reference.Selector} with {key}");
            if (match.Count > 1)
                return new ClaimResult(c, false, $"{match.Count} references", $"{table.Path}: {match.Count} rows of {reference.Selector} with {key}; expected one");
            var limit = match[0].Value;
            var tol = Tolerance(c, limit);
            if (c.Kind == ClaimKind.AtMost ? values[i] > limit + tol : values[i] < limit - tol)
                return new ClaimResult(c, false, $"{Fmt(values[i])} vs {Fmt(limit)}",
                    $"{table.Path}:{table.Lines[rows[i]]}: {col.Column} {Fmt(values[i])} is not {c.KindText} {Fmt(limit)} of {reference.Selector} ({table.Path}:{table.Lines[match[0].Row]})");
        }
        return new ClaimResult(c, true, $"{rows.Count} rows", "");
    }

    /// <summary>
    /// Every selected row's value must be ≤ (or ≥) the same row's cell of <paramref name="bound"/>, within the tolerance;
    /// an empty bound cell means no bound (+∞ for ≤, −∞ for ≥: a non-private run has no ε), so it passes.
    /// </summary>
    static ClaimResult RowWise(Claim c, RawTable table, List<int> rows, ColumnSpec col, string bound)
    {
        if (rows.Count == 0) return new ClaimResult(c, false, "0 rows", "no row matches the selector");
        var values = col.Values(table, rows);
        var b = table.ColumnIndex(bound);
        var bounded = 0;
        for (var i = 0; i < rows.Count; i++)
        {
            var cell = table.Rows[rows[i]][b];
            if (cell.Length == 0) continue;
            if (!Cells.TryNumber(cell, out var limit))
                throw new InvalidDataException($"{table.Path}:{table.Lines[rows[i]]}: column '{bound}' is '{cell}'; expected a number or empty");
            bounded++;
            var tol = Tolerance(c, limit);
            if (c.Kind == ClaimKind.AtMost ? values[i] > limit + tol : values[i] < limit - tol)
                return new ClaimResult(c, false, $"{Fmt(values[i])} vs {Fmt(limit)}",
                    $"{table.Path}:{table.Lines[rows[i]]}: {col.Column} {Fmt(values[i])} is not {c.KindText} {bound} {Fmt(limit)}");
        }
        return new ClaimResult(c, true, $"{rows.Count} rows ({bounded} bounded)", "");
    }

    /// <summary>Column values (aggregated per key value if an aggregate is given) must move monotonically with the key; an empty key sorts as +∞.</summary>
    static ClaimResult Order(Claim c, RawTable table, List<int> rows, ColumnSpec col)
    {
        var (rises, key) = OrderSpec(c);
        var k = table.ColumnIndex(key);
        var groups = rows.GroupBy(r => Cells.TryNumber(table.Rows[r][k], out var v) ? v : table.Rows[r][k].Length == 0 ? double.PositiveInfinity
                : throw new InvalidDataException($"{table.Path}:{table.Lines[r]}: key '{key}' is '{table.Rows[r][k]}'; expected a number"))
            .OrderBy(g => g.Key).ToList();
        if (groups.Count < 2) return new ClaimResult(c, false, $"{groups.Count} key value(s)", $"order needs at least two values of '{key}' among the selected rows");
        var points = groups.Select(g => (Key: g.Key, Value: col.Evaluate(table, g.ToList()))).ToList();
        var actual = string.Join(" → ", points.Select(p => $"{Fmt(p.Value)}@{Fmt(p.Key)}"));
        for (var i = 1; i < points.Count; i++)
        {
            var step = points[i].Value - points[i - 1].Value;
            var slack = Tolerance(c, points[i - 1].Value);
            if (rises ? step < -slack : step > slack)
                return new ClaimResult(c, false, actual, $"{col.Column} {(rises ? "falls" : "rises")} from {Fmt(points[i - 1].Value)} to {Fmt(points[i].Value)} between {key} = {Fmt(points[i - 1].Key)} and {Fmt(points[i].Key)}");
        }
        return new ClaimResult(c, true, actual, "");
    }

    static (bool Rises, string Key) OrderSpec(Claim c)
    {
        var parts = c.Expected.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 3 || parts[1] != "with" || parts[0] is not ("rises" or "falls"))
            throw new FormatException($"{c.Origin}: order expects 'rises with <column>' or 'falls with <column>', got '{c.Expected}'");
        return (parts[0] == "rises", parts[2]);
    }

    static (double Lo, double Hi) Range(Claim c)
    {
        var parts = c.Expected.Split("..");
        if (parts.Length != 2) throw new FormatException($"{c.Origin}: between expects 'lo..hi', got '{c.Expected}'");
        return (Claim.Number(parts[0], "lower bound", c.Origin), Claim.Number(parts[1], "upper bound", c.Origin));
    }

    /// <summary>The tolerance in absolute units: <c>5%</c> is relative to <paramref name="reference"/>, empty is exact.</summary>
    static double Tolerance(Claim c, double reference)
    {
        var t = c.Tolerance.Trim();
        if (t.Length == 0) return 0;
        return t.EndsWith('%')
            ? Math.Abs(reference) * Claim.Number(t[..^1], "tolerance", c.Origin) / 100
            : Claim.Number(t, "tolerance", c.Origin);
    }

    static string Fmt(double v) => v.ToString("G6", CultureInfo.InvariantCulture);
}
