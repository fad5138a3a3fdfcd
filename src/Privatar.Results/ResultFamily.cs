namespace Privatar.Results;

/// <summary>What every result family shares, whatever its row type: a file name and a description.</summary>
public interface IResultFamily
{
    /// <summary>File name inside the results directory, e.g. <c>latency.csv</c>.</summary>
    string FileName { get; }
    /// <summary>One-line description of what a row is.</summary>
    string Description { get; }
    /// <summary>Column names in file order.</summary>
    IReadOnlyList<string> Columns { get; }
    /// <summary>Reads and validates the file at <paramref name="path"/>; returns its row count or throws naming file, line and column.</summary>
    int Check(string path);
    /// <summary>Reads <paramref name="source"/> and writes it in canonical form (sorted, invariant) to <paramref name="destination"/>.</summary>
    void Canonicalize(string source, string destination);
}

/// <summary>A result family: its file, its row type and the deterministic order rows are written in.</summary>
public sealed class ResultFamily<T>(string fileName, string description, Func<T, object?[]> sortKey) : IResultFamily
    where T : IValidatedRow
{
    public string FileName { get; } = fileName;
    public string Description { get; } = description;
    public IReadOnlyList<string> Columns { get; } = ResultCsv.ColumnNames<T>();
    public Comparison<T> Order { get; } = Ordering.ByKey(sortKey);

    public string PathIn(string resultsDir) => Path.Combine(resultsDir, FileName);

    public int Check(string path) => ResultCsv.ReadFile(this, path).Count;

    public void Canonicalize(string source, string destination) => ResultCsv.WriteFile(this, destination, ResultCsv.ReadFile(this, source));
}
