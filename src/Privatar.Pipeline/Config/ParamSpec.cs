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
    /// <summary>
    /// What the verbs accept beyond the type (a range, a set of names): checked for every value (every item of a list)
    /// when the configuration is read, so a value a unit would refuse stops the build before any output is touched.
    /// </summary>
    public IReadOnlyList<ValueRule> Rules { get; init; } = [];

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

/// <summary>One constraint on a value's canonical text (or on each item of a list), and what it expects, for the error.</summary>
public sealed record ValueRule(Func<string, bool> Accepts, string Expected);

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

    /// <summary>A count or bound the verbs require to be at least <paramref name="min"/> (each item, for a list).</summary>
    public static ParamSpec AtLeast(this ParamSpec spec, double min) => spec.With(new ValueRule(
        v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) >= min, $"expected at least {Invariant.Format(min)}"));

    /// <summary>A value the verbs require to be strictly above <paramref name="min"/> (each item, for a list).</summary>
    public static ParamSpec Above(this ParamSpec spec, double min) => spec.With(new ValueRule(
        v => double.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture) > min, $"expected a value above {Invariant.Format(min)}"));

    /// <summary>One of a fixed set of names (each item, for a list); <paramref name="why"/> says why the set is what it is.</summary>
    public static ParamSpec OneOf(this ParamSpec spec, IReadOnlyList<string> allowed, string? why = null) => spec.With(new ValueRule(
        allowed.Contains, $"expected {string.Join(" or ", allowed)}" + (why is null ? "" : $"; {why}")));

    static ParamSpec With(this ParamSpec spec, ValueRule rule) => spec with { Rules = [.. spec.Rules, rule] };

    static string Check(string key)
    {
        var dot = key.IndexOf('.');
        if (dot <= 0 || dot == key.Length - 1 || key.IndexOf('.', dot + 1) >= 0 || key.Contains(' '))
            throw new ArgumentException($"Parameter key '{key}' must have the form section.key.", nameof(key));
        return key;
    }
}
