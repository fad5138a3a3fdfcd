using System.Globalization;
using Privatar.Core;

namespace Privatar.Pipeline.Config;

public enum ParamKind { Int, Double, Bool, String, IntList, DoubleList, StringList }

/// <summary>
/// One configuration key a step reads, <c>section.key</c>, with its type. A key that does not change
/// outputs (a thread count, a log level) is declared with <see cref="Fingerprinted"/> false: it is
/// still type-checked and readable, but it is not recorded in stamps and never makes a unit stale.
/// </summary>
public sealed record ParamSpec(string Key, ParamKind Kind, bool Fingerprinted = true)
{
    public string Section => Key[..Key.IndexOf('.')];
    public string Name => Key[(Key.IndexOf('.') + 1)..];

    /// <summary>The form a value must take, for error messages.</summary>
    public string ExpectedForm => Kind switch
    {
        ParamKind.Int => "an integer, e.g. 12",
        ParamKind.Double => "a number, e.g. 0.25 or 1e-3",
        ParamKind.Bool => "true or false",
        ParamKind.String => "a non-empty text value",
        ParamKind.IntList => "a non-empty comma-separated list of integers, e.g. 2, 4, 8",
        ParamKind.DoubleList => "a non-empty comma-separated list of numbers, e.g. 0.1, 0.5",
        _ => "a non-empty comma-separated list, e.g. a, b",
    };

    /// <summary>
    /// Parses <paramref name="raw"/> and returns its canonical text (invariant numbers, lists joined by
    /// ", "), so that "1,2" and "1, 2" stamp identically. Null when the value does not have this kind.
    /// </summary>
    public string? Canonicalize(string raw)
    {
        var text = raw.Trim();
        switch (Kind)
        {
            case ParamKind.Int: return TryInt(text);
            case ParamKind.Double: return TryDouble(text);
            case ParamKind.Bool: return text.ToLowerInvariant() is "true" or "false" ? text.ToLowerInvariant() : null;
            case ParamKind.String: return text.Length > 0 ? text : null;
        }
        var items = text.Split(',').Select(s => s.Trim()).ToArray();
        if (text.Length == 0 || items.Any(s => s.Length == 0)) return null;
        var canon = Kind switch
        {
            ParamKind.IntList => items.Select(TryInt).ToArray(),
            ParamKind.DoubleList => items.Select(TryDouble).ToArray(),
            _ => items,
        };
        return canon.Any(c => c is null) ? null : string.Join(", ", canon);
    }

    static string? TryInt(string s) =>
        long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? Invariant.Format(v) : null;

    static string? TryDouble(string s) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? Invariant.Format(v) : null;
}

/// <summary>Short factories for declarations: <c>P.Int("train.epochs")</c>.</summary>
public static class P
{
    public static ParamSpec Int(string key) => new(Check(key), ParamKind.Int);
    public static ParamSpec Double(string key) => new(Check(key), ParamKind.Double);
    public static ParamSpec Bool(string key) => new(Check(key), ParamKind.Bool);
    public static ParamSpec String(string key) => new(Check(key), ParamKind.String);
    public static ParamSpec IntList(string key) => new(Check(key), ParamKind.IntList);
    public static ParamSpec DoubleList(string key) => new(Check(key), ParamKind.DoubleList);
    public static ParamSpec StringList(string key) => new(Check(key), ParamKind.StringList);

    /// <summary>A key that never changes outputs (threads, verbosity): read and checked, not stamped.</summary>
    public static ParamSpec Unstamped(this ParamSpec spec) => spec with { Fingerprinted = false };

    static string Check(string key)
    {
        var dot = key.IndexOf('.');
        if (dot <= 0 || dot == key.Length - 1 || key.IndexOf('.', dot + 1) >= 0 || key.Contains(' '))
            throw new ArgumentException($"Parameter key '{key}' must have the form section.key.", nameof(key));
        return key;
    }
}
