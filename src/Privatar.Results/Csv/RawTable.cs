using System.Globalization;
using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// Any CSV as header + string cells, for consumers that address columns by name (verify claims, report tables).
/// <see cref="Lines"/> holds each row's 1-based line number in the file, for error messages.
/// </summary>
public sealed class RawTable
{
    public required string Path { get; init; }
    public required IReadOnlyList<string> Header { get; init; }
    public required IReadOnlyList<string[]> Rows { get; init; }
    public required IReadOnlyList<long> Lines { get; init; }

    public int ColumnIndex(string column)
    {
        for (var i = 0; i < Header.Count; i++) if (Header[i] == column) return i;
        throw new InvalidDataException($"{Path}: no column '{column}'; columns are {string.Join(", ", Header)}");
    }

    public static RawTable Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"CSV file {path} does not exist", path);
        var options = CsvReaderOptions.Default with { FormatProvider = CultureInfo.InvariantCulture, Separator = ',', TrackLineNumbers = true };
        using var csv = CsvReader.Create(File.OpenRead(path), options);
        csv.ReadHeader();
        var header = csv.Headers.ToArray();
        var rows = new List<string[]>();
        var lines = new List<long>();
        try
        {
            while (csv.Read())
            {
                var cells = new string[header.Length];
                for (var i = 0; i < header.Length; i++) cells[i] = i < csv.FieldCount ? csv.GetString(i) : "";
                rows.Add(cells);
                lines.Add(csv.LineNumber);
            }
        }
        catch (CsvFormatException e)
        {
            throw new InvalidDataException($"{path}:{e.LineNumber}: {e.Message}", e);
        }
        return new RawTable { Path = path, Header = header, Rows = rows, Lines = lines };
    }
}
