using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;
using Privatar.Core;

namespace Privatar.Contracts.Codec;

/// <summary>
/// The one codec between a verb contract and its command line: the step fills the contract's keyed fields from the
/// unit's parameters (<see cref="Fill{T}"/>) and renders it (<see cref="ToArgs{T}"/>); the verb parses the same options
/// back (<see cref="Decode{T}"/>), taking a missing keyed option from cake.config when run by hand with a profile.
/// Lists are the option repeated; numbers invariant and round-trip; enums in snake case; a model by its id.
/// </summary>
public static class ContractCodec
{
    static readonly ConcurrentDictionary<Type, IReadOnlyList<ContractField>> Cache = new();

    /// <summary>The options of a contract, in declaration order.</summary>
    public static IReadOnlyList<ContractField> Fields<T>() => Fields(typeof(T));

    public static IReadOnlyList<ContractField> Fields(Type type) => Cache.GetOrAdd(type, t =>
        t.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken)
            .Select(p => (p, a: p.GetCustomAttribute<OptAttribute>()))
            .Where(x => x.a is not null)
            .Select(x => new ContractField(x.p, x.a!.Name ?? "--" + Kebab(x.p.Name), x.a.Description, x.a.Key, x.a.Stamped, x.a.AtLeast, x.a.Above))
            .ToList());

    /// <summary>Every key the contract reads ({variant} expanded over every variant), with its kind: what a step declares.</summary>
    public static IEnumerable<KeyDeclaration> Declarations<T>() =>
        Fields<T>().Where(f => f.Key is not null).SelectMany(f => (f.Key!.Contains("{variant}")
            ? ModelVariants.All.Select(v => f.KeyFor(v.Variant)!) : [f.Key!])
            .Select(k => new KeyDeclaration(k, f.Kind, f.Stamped, f.AtLeast, f.Above, f.Choices)));

    /// <summary>The keys one unit reads for a model of <paramref name="variant"/> (null: a contract without a model).</summary>
    public static IReadOnlyList<string> Keys<T>(VaeVariant? variant = null) =>
        Fields<T>().Select(f => f.KeyFor(variant)).OfType<string>().ToList();

    /// <summary>The contract's keys but those of the named properties (a unit that does not read them).</summary>
    public static IReadOnlyList<string> KeysExcept<T>(params string[] properties) =>
        [.. Fields<T>().Where(f => !properties.Contains(f.Property.Name)).Select(f => f.KeyFor(null)).OfType<string>()];

    /// <summary>The cake.config key of one keyed property.</summary>
    public static string KeyOf<T>(string property) =>
        Field(typeof(T), property).Key ?? throw new ArgumentException($"{typeof(T).Name}.{property} has no cake.config key");

    /// <summary>
    /// The error for an optional option that this run needs (<paramref name="when"/>, e.g. "for a DP-SGD run"): it names
    /// the option and, for a keyed one, the key <c>--profile</c> would read, as <see cref="Decode{T}"/> does for an option
    /// that is always required.
    /// </summary>
    public static ArgumentException Required(Type contract, string property, string when) => new(Missing(Field(contract, property), " " + when));

    static ContractField Field(Type contract, string property) =>
        Fields(contract).SingleOrDefault(f => f.Property.Name == property) ?? throw new ArgumentException($"{contract.Name} has no option property {property}");

    static string Missing(ContractField f, string when) => f.Key is null
        ? $"{f.Option}: required{when} ({f.Description})"
        : $"{f.Option}: required{when}; give it, or --profile <name> (or --config <file>) to read {f.Key} from cake.config";

    /// <summary>
    /// A copy of <paramref name="contract"/> with every keyed field the unit declares filled from its canonical config text
    /// (<paramref name="declaredText"/> returns null for a key the unit does not declare; such a field must be optional).
    /// </summary>
    public static T Fill<T>(T contract, Func<string, string?> declaredText) where T : class
    {
        var copy = (T)typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!.Invoke(contract, null)!;
        var variant = VariantOf(copy);
        foreach (var f in Fields<T>().Where(f => f.Key is not null))
        {
            var key = f.KeyFor(variant) ?? throw new ArgumentException($"{typeof(T).Name}.{f.Property.Name}: key {f.Key} needs the contract's model");
            if (declaredText(key) is { } text) f.Property.SetValue(copy, Parse(f, SplitConfig(f, text), $"{key} (for {f.Option})"));
            else if (!f.IsOptional) throw new ArgumentException($"{typeof(T).Name} needs {key} for {f.Option}, which the unit does not declare; add it to the unit's Params.");
        }
        return copy;
    }

    /// <summary>The command line of a filled contract: the verb words, then each non-null option.</summary>
    public static IReadOnlyList<string> ToArgs<T>(T contract) where T : class, IVerbContract
    {
        var args = new List<string>(T.Verb);
        foreach (var f in Fields<T>())
        {
            var value = f.Property.GetValue(contract);
            if (value is null) continue;
            var items = f.IsList ? ((System.Collections.IEnumerable)value).Cast<object>() : [value];
            foreach (var item in items) args.AddRange([f.Option, Format(item)]);
        }
        return args;
    }

    /// <summary>
    /// Builds a contract from the options given (<paramref name="given"/>: the tokens of one option, null when absent); a
    /// keyed option not given is read through <paramref name="config"/> (null when no configuration was asked for).
    /// </summary>
    public static T Decode<T>(Func<ContractField, IReadOnlyList<string>?> given, Func<string, string?>? config) where T : class
    {
        var contract = (T)Activator.CreateInstance(typeof(T))!;
        var fields = Fields<T>();
        foreach (var f in fields.Where(f => f.Key is null)) Set(f, given(f), null);
        var variant = VariantOf(contract);
        foreach (var f in fields.Where(f => f.Key is not null))
        {
            var key = f.KeyFor(variant);
            Set(f, given(f), key is not null && config?.Invoke(key) is { } text ? (key, SplitConfig(f, text)) : null);
        }
        return contract;

        void Set(ContractField f, IReadOnlyList<string>? tokens, (string Key, IReadOnlyList<string> Items)? fromConfig)
        {
            if (tokens is { Count: > 0 }) f.Property.SetValue(contract, Parse(f, tokens, f.Option));
            else if (fromConfig is { } c) f.Property.SetValue(contract, Parse(f, c.Items, $"{c.Key} (for {f.Option})"));
            else if (!f.IsOptional) throw new ArgumentException(Missing(f, ""));
        }
    }

    static VaeVariant? VariantOf(object contract) =>
        Fields(contract.GetType()).Where(f => f.Element == typeof(ModelConfig)).Select(f => (f.Property.GetValue(contract) as ModelConfig)?.Variant).FirstOrDefault();

    static IReadOnlyList<string> SplitConfig(ContractField f, string text) =>
        f.IsList ? text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) : [text.Trim()];

    static object? Parse(ContractField f, IReadOnlyList<string> items, string source)
    {
        if (!f.IsList)
        {
            if (items.Count != 1) throw new ArgumentException($"{source}: expected one value, got {items.Count} ({string.Join(" ", items)})");
            return ParseOne(f.Element, items[0], source);
        }
        var list = Array.CreateInstance(f.Element, items.Count);
        for (var i = 0; i < items.Count; i++) list.SetValue(ParseOne(f.Element, items[i], source), i);
        return list;
    }

    /// <summary>Parses one value of a supported element type; a bad value names its source and the form expected.</summary>
    public static object ParseOne(Type type, string text, string source)
    {
        T Or<T>(bool ok, T value, string form) => ok ? value : throw new ArgumentException($"{source}: expected {form}, got '{text}'");
        if (type == typeof(string)) return text;
        if (type == typeof(int)) return Or(int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i), i, "an integer");
        if (type == typeof(long)) return Or(long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l), l, "an integer");
        if (type == typeof(double)) return Or(double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && double.IsFinite(d), d, "a number");
        if (type == typeof(bool)) return Or(text is "true" or "false", text == "true", "true or false");
        if (type == typeof(ModelConfig)) return ModelConfig.ParseId(text);
        if (type.IsEnum)
        {
            var names = Enum.GetNames(type);
            var match = names.FirstOrDefault(n => Snake(n) == text.Trim().ToLowerInvariant());
            return Or(match is not null, match is null ? null! : Enum.Parse(type, match), $"one of {string.Join(", ", names.Select(Snake))}");
        }
        throw new NotSupportedException($"{source}: contracts take strings, numbers, booleans, enums and model configurations, not {type.Name}");
    }

    /// <summary>The command-line text of one value (the inverse of <see cref="ParseOne"/>).</summary>
    public static string Format(object value) => value switch
    {
        double d => Invariant.Format(d),
        int i => Invariant.Format(i),
        long l => Invariant.Format(l),
        bool b => b ? "true" : "false",
        ModelConfig m => m.Id,
        Enum e => Snake(e.ToString()),
        _ => value.ToString() ?? "",
    };

    /// <summary><c>DirectSplit</c> → <c>direct_split</c>.</summary>
    public static string Snake(string name) => Separate(name, '_');

    static string Kebab(string name) => Separate(name, '-');

    static string Separate(string name, char separator)
    {
        var b = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) b.Append(separator);
            b.Append(char.ToLowerInvariant(name[i]));
        }
        return b.ToString();
    }
}
