namespace Privatar.Results;

/// <summary>
/// Deterministic row order for writers: rows are compared on a key of column values, strings ordinally,
/// numbers numerically and nulls first, so a file's bytes depend neither on the order a step produced its
/// rows in nor on the machine's culture.
/// </summary>
public static class Ordering
{
    public static Comparison<T> ByKey<T>(Func<T, object?[]> key) => (a, b) => CompareKeys(key(a), key(b));

    public static int CompareKeys(object?[] a, object?[] b)
    {
        for (var i = 0; i < Math.Min(a.Length, b.Length); i++)
        {
            var c = CompareValues(a[i], b[i]);
            if (c != 0) return c;
        }
        return a.Length.CompareTo(b.Length);
    }

    static int CompareValues(object? a, object? b) => (a, b) switch
    {
        (null, null) => 0,
        (null, _) => -1,
        (_, null) => 1,
        (string x, string y) => string.CompareOrdinal(x, y),
        (IComparable x, _) when a.GetType() == b.GetType() => x.CompareTo(b),
        _ => throw new ArgumentException($"sort key mixes {a.GetType().Name} and {b.GetType().Name}"),
    };
}
