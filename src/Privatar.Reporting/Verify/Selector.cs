using Privatar.Results;

namespace Privatar.Reporting;

/// <summary>A row filter <c>key=value;key=a|b</c> over a <see cref="RawTable"/>; values compare as text, or as numbers when both parse.</summary>
public sealed class Selector
{
    readonly (string Column, string[] Values)[] _terms;

    Selector((string, string[])[] terms) => _terms = terms;

    public static Selector Parse(string text, string origin)
    {
        if (string.IsNullOrWhiteSpace(text)) return new Selector([]);
        var terms = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(t =>
        {
            var eq = t.IndexOf('=');
            if (eq <= 0) throw new FormatException($"{origin}: selector term '{t}' is not key=value");
            return (t[..eq].Trim(), t[(eq + 1)..].Split('|').Select(v => v.Trim()).ToArray());
        }).ToArray();
        return new Selector(terms);
    }

    /// <summary>Indices of the matching rows, in file order. An unknown column throws, naming the table's columns.</summary>
    public List<int> Match(RawTable table)
    {
        var columns = _terms.Select(t => table.ColumnIndex(t.Column)).ToArray();
        var rows = new List<int>();
        for (var r = 0; r < table.Rows.Count; r++)
        {
            var ok = true;
            for (var t = 0; t < _terms.Length && ok; t++)
                ok = _terms[t].Values.Any(v => Same(table.Rows[r][columns[t]], v));
            if (ok) rows.Add(r);
        }
        return rows;
    }

    static bool Same(string cell, string value) =>
        cell == value || (Cells.TryNumber(cell, out var a) && Cells.TryNumber(value, out var b) && a == b);
}

static class Cells
{
    public static bool TryNumber(string text, out double value) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out value);
}
