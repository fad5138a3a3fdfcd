using System.Globalization;

namespace Privatar.Pipeline.Config;

/// <summary>A read of a parameter the reader did not declare (strict mode).</summary>
public sealed class UndeclaredParameterException(string message) : InvalidOperationException(message);

/// <summary>
/// Typed access to the parameters one step or unit declared. Reading any other key throws in strict
/// mode and is logged as a warning otherwise, so a declaration cannot silently miss a key.
/// </summary>
public sealed class ParamValues(ResolvedConfig config, IReadOnlySet<string> declared, string reader, IPipelineLog log)
{
    public string Profile => config.Profile;

    public long Long(string key) => long.Parse(Read(key, ParamKind.Int), CultureInfo.InvariantCulture);
    public int Int(string key) => checked((int)Long(key));
    public double Double(string key) => double.Parse(Read(key, ParamKind.Double), CultureInfo.InvariantCulture);
    public bool Bool(string key) => Read(key, ParamKind.Bool) == "true";
    public string String(string key) => Read(key, ParamKind.String);
    public IReadOnlyList<int> IntList(string key) => Items(key, ParamKind.IntList).Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
    public IReadOnlyList<double> DoubleList(string key) => Items(key, ParamKind.DoubleList).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToList();
    public IReadOnlyList<string> StringList(string key) => Items(key, ParamKind.StringList);

    /// <summary>Whether the reader declared <paramref name="key"/> (a contract fills only the keyed fields its unit declares).</summary>
    public bool Declares(string key) => declared.Contains(key);

    /// <summary>The canonical text of any declared key, whatever its kind (for passing on to a CLI verb).</summary>
    public string Text(string key) => Read(key, null);

    IReadOnlyList<string> Items(string key, ParamKind kind) => Read(key, kind).Split(", ");

    string Read(string key, ParamKind? kind)
    {
        if (!declared.Contains(key))
        {
            var message = $"{reader} reads parameter {key}, which it does not declare; add it to its Params.";
            if (config.Strict) throw new UndeclaredParameterException(message);
            log.Warning(message);
        }
        var spec = config.Schema.Find(key) ?? throw new UndeclaredParameterException($"{reader} reads {key}, which no step declares.");
        if (kind is { } k && spec.Kind != k)
            throw new ArgumentException($"{reader} reads {key} as {k}, but it is declared as {spec.Kind}.");
        return config.Canonical(key);
    }
}
