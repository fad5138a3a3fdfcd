using System.Text.RegularExpressions;
using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>A claim's column: a plain column, or an aggregate over the selected rows (min, max, mean, sum, last, count).</summary>
public sealed partial record ColumnSpec(string? Aggregate, string Column)
{
    public static ColumnSpec Parse(string text, string origin)
    {
        var m = AggregatePattern().Match(text.Trim());
        if (!m.Success) return new ColumnSpec(null, text.Trim());
        var agg = m.Groups[1].Value;
        var col = m.Groups[2].Value.Trim();
        if (agg == "count" ? col.Length > 0 : col.Length == 0) throw new FormatException($"{origin}: column '{text}': count() takes no column, the others need one");
        return new ColumnSpec(agg, col);
    }

    /// <summary>The numbers of the column at <paramref name="rows"/>; an empty or non-numeric cell throws naming its line.</summary>
    public double[] Values(RawTable table, IReadOnlyList<int> rows)
    {
        if (Aggregate == "count") return [rows.Count];
        var c = table.ColumnIndex(Column);
        return rows.Select(r => Cells.TryNumber(table.Rows[r][c], out var v)
            ? v : throw new InvalidDataException($"{table.Path}:{table.Lines[r]}: column '{Column}' is '{table.Rows[r][c]}'; expected a number")).ToArray();
    }

    /// <summary>One number from the selected rows: the aggregate, or the single row's value.</summary>
    public double Evaluate(RawTable table, IReadOnlyList<int> rows)
    {
        var v = Values(table, rows);
        if (Aggregate == "count") return v[0];
        if (v.Length == 0) throw new InvalidDataException("no row matches the selector");
        return Aggregate switch
        {
            null when v.Length == 1 => v[0],
            null => throw new InvalidDataException($"{v.Length} rows match the selector; narrow it or aggregate (min/max/mean/sum/last)"),
            "min" => v.Min(),
            "max" => v.Max(),
            "mean" => v.Average(),
            "sum" => v.Sum(),
            _ => v[^1],
        };
    }

    [GeneratedRegex(@"^(min|max|mean|sum|last|count)\((.*)\)$")] private static partial Regex AggregatePattern();
}
