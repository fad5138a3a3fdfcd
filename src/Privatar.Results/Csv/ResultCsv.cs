using System.Globalization;
using System.Reflection;
using CsvHelper;
using Privatar.Core;

namespace Privatar.Results;

/// <summary>
/// Writes and reads result families through CsvHelper's generated record mappers (the <c>[CsvRecord]</c>
/// and <c>[CsvColumn]</c> attributes on each row type are the column map). Writes are atomic, sorted by the
/// family's key, LF-terminated UTF-8 in the invariant culture with doubles as their shortest round-trip text,
/// so identical rows give identical bytes. Reads check the header exactly (no missing and no unknown columns),
/// convert every cell and validate every row; a failure names the file, line and column.
/// </summary>
public static class ResultCsv
{
    static CsvWriterOptions WriterOptions<T>() => CsvWriterOptions.For<T>() with
    {
        FormatProvider = CultureInfo.InvariantCulture, NewLine = "\n", TrueValue = "true", FalseValue = "false",
    };

    static CsvReaderOptions ReaderOptions<T>() => CsvReaderOptions.For<T>() with
    {
        FormatProvider = CultureInfo.InvariantCulture, Separator = ',', TrackLineNumbers = true,
        TrueValues = ["true"], FalseValues = ["false"],
    };

    public static void Write<T>(ResultFamily<T> family, string resultsDir, IEnumerable<T> rows) where T : IValidatedRow =>
        WriteFile(family, family.PathIn(resultsDir), rows);

    public static void WriteFile<T>(ResultFamily<T> family, string path, IEnumerable<T> rows) where T : IValidatedRow
    {
        var sorted = Validated(family, rows);
        AtomicFile.Write(path, stream =>
        {
            using var csv = CsvWriter.Create(stream, WriterOptions<T>(), leaveOpen: true);
            if (sorted.Count == 0) csv.WriteHeader<T>();
            else csv.WriteRecords(sorted);
            csv.Flush();
        });
    }

    /// <summary>The rows in the family's order; throws naming the first invalid one. A writer of several tables checks all before writing any.</summary>
    public static List<T> Validated<T>(ResultFamily<T> family, IEnumerable<T> rows) where T : IValidatedRow
    {
        var sorted = rows.ToList();
        for (var i = 0; i < sorted.Count; i++)
        {
            var problems = AllProblems(sorted[i]).ToList();
            if (problems.Count > 0)
                throw new ArgumentException($"{family.FileName}: row {i + 1} of {sorted.Count} to write is invalid: {string.Join("; ", problems)}");
        }
        sorted.Sort(family.Order);
        return sorted;
    }

    public static IReadOnlyList<T> Read<T>(ResultFamily<T> family, string resultsDir) where T : IValidatedRow =>
        ReadFile(family, family.PathIn(resultsDir));

    public static IReadOnlyList<T> ReadFile<T>(ResultFamily<T> family, string path) where T : IValidatedRow
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"result table {path} does not exist ({family.Description})", path);
        using var csv = CsvReader.Create(File.OpenRead(path), ReaderOptions<T>());
        csv.ReadHeader();
        CheckHeader(path, csv.Headers, family.Columns);
        var rows = new List<T>();
        while (true)
        {
            T row;
            try
            {
                if (!csv.Read()) break;
                row = csv.GetRecord<T>();
            }
            catch (CsvFormatException e)
            {
                throw new InvalidDataException($"{path}:{(e.LineNumber > 0 ? e.LineNumber : e.RecordNumber)}: {e.Message}", e);
            }
            var problems = AllProblems(row).ToList();
            if (problems.Count > 0) throw new InvalidDataException($"{path}:{csv.LineNumber}: {string.Join("; ", problems)}");
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The column names of a row type, in declaration order, from its <c>[CsvColumn]</c> attributes.</summary>
    public static IReadOnlyList<string> ColumnNames<T>() => Columns<T>().Select(c => c.Name).ToArray();

    static IEnumerable<(PropertyInfo Property, string Name)> Columns<T>() =>
        typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => (Property: p, Attr: p.GetCustomAttribute<CsvColumnAttribute>()))
            .Where(x => x.Attr?.Name is not null)
            .OrderBy(x => x.Property.MetadataToken)
            .Select(x => (x.Property, x.Attr!.Name!));

    static void CheckHeader(string path, IReadOnlyList<string> header, IReadOnlyList<string> expected)
    {
        var missing = expected.Except(header).ToList();
        var unknown = header.Except(expected).ToList();
        if (missing.Count == 0 && unknown.Count == 0) return;
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add($"missing column(s) {string.Join(", ", missing)}");
        if (unknown.Count > 0) parts.Add($"unknown column(s) {string.Join(", ", unknown)}");
        throw new InvalidDataException($"{path}:1: {string.Join("; ", parts)}; expected the header {string.Join(",", expected)}");
    }

    /// <summary>The row's own problems plus non-finite numbers, which no result column may hold.</summary>
    static IEnumerable<string> AllProblems<T>(T row) where T : IValidatedRow
    {
        foreach (var p in row.Problems()) yield return p;
        foreach (var (prop, name) in Columns<T>())
            if (prop.GetValue(row) is double d && !double.IsFinite(d))
                yield return $"column '{name}' is {d.ToString(CultureInfo.InvariantCulture)}; expected a finite number";
    }
}
