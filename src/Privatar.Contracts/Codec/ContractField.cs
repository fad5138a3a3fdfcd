using System.Reflection;

namespace Privatar.Contracts.Codec;

/// <summary>The kind of a contract field's cake.config key, as the pipeline declares it.</summary>
public enum KeyKind { Int, Double, Bool, String, IntList, DoubleList, StringList }

/// <summary>One cake.config key a contract reads, with what the verb accepts: the pipeline declares and checks it from this.</summary>
public sealed record KeyDeclaration(string Key, KeyKind Kind, bool Stamped, double AtLeast, double Above, IReadOnlyList<string>? Choices);

/// <summary>One option of a verb contract: its property, option name, help text, element type and config key.</summary>
public sealed record ContractField(PropertyInfo Property, string Option, string Description, string? Key, bool Stamped, double AtLeast, double Above)
{
    /// <summary>The value type without Nullable or the list around it.</summary>
    public Type Element => ListElement(Property.PropertyType) ?? Nullable.GetUnderlyingType(Property.PropertyType) ?? Property.PropertyType;

    /// <summary>The values an enum field accepts, as cake.config and the command line spell them; null for any other type.</summary>
    public IReadOnlyList<string>? Choices => Element.IsEnum ? [.. Enum.GetNames(Element).Select(ContractCodec.Snake)] : null;

    public bool IsList => ListElement(Property.PropertyType) is not null;

    public bool IsOptional => Nullable.GetUnderlyingType(Property.PropertyType) is not null
        || new NullabilityInfoContext().Create(Property).WriteState == NullabilityState.Nullable;

    /// <summary>The key with <c>{variant}</c> replaced.</summary>
    public string? KeyFor(VaeVariant? variant) =>
        Key is null ? null : Key.Contains("{variant}") ? variant is { } v ? Key.Replace("{variant}", v.Name()) : null : Key;

    /// <summary>How the key is declared: the element's kind, as a list when the field is one.</summary>
    public KeyKind Kind
    {
        get
        {
            var e = Element;
            if (e == typeof(int) || e == typeof(long)) return IsList ? KeyKind.IntList : KeyKind.Int;
            if (e == typeof(double)) return IsList ? KeyKind.DoubleList : KeyKind.Double;
            if (e == typeof(bool)) return KeyKind.Bool;
            return IsList ? KeyKind.StringList : KeyKind.String;
        }
    }

    static Type? ListElement(Type t) =>
        t.IsGenericType && t.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) ? t.GetGenericArguments()[0] : null;
}
