namespace Privatar.Synthesis.Data;

/// <summary>The benchmark's datasets: both are 28×28 grey images in ten classes with a 60k/10k train/test split.</summary>
public enum DatasetId { Mnist, FashionMnist }

/// <summary>The one spelling of each dataset id, as config lists and artifact paths write it.</summary>
public static class DatasetIds
{
    static readonly (DatasetId Id, string Name)[] Names = [(DatasetId.Mnist, "mnist"), (DatasetId.FashionMnist, "fashion_mnist")];

    public static IReadOnlyList<DatasetId> All { get; } = [.. Names.Select(n => n.Id)];

    public static string Name(this DatasetId id) => Names.First(n => n.Id == id).Name;

    /// <summary>Parses one name; anything else is an error naming <paramref name="source"/> and the known names.</summary>
    public static DatasetId Parse(string text, string source)
    {
        foreach (var (id, name) in Names)
            if (string.Equals(name, text.Trim(), StringComparison.Ordinal)) return id;
        throw new ArgumentException($"{source}: unknown dataset '{text.Trim()}' (expected one of {string.Join(", ", Names.Select(n => n.Name))})");
    }

    /// <summary>Parses a comma-separated list such as "mnist, fashion_mnist"; an empty list or a repeat is an error.</summary>
    public static IReadOnlyList<DatasetId> ParseList(string text, string source)
    {
        var items = text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (items.Length == 0) throw new ArgumentException($"{source}: expected at least one dataset, got '{text}'");
        var ids = items.Select(i => Parse(i, source)).ToList();
        var repeat = ids.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
        if (repeat is not null) throw new ArgumentException($"{source}: dataset '{repeat.Key.Name()}' is listed twice");
        return ids;
    }
}
