namespace Privatar.Contracts.Codec;

/// <summary>
/// Marks a property of a verb contract as one of the verb's options (<c>--kebab-case-of-the-name</c>). A property with a
/// <see cref="Key"/> has its home in cake.config: the step fills it from the unit's declared parameters, and a verb run by
/// hand with <c>--profile</c> or <c>--config</c> reads it from cake.config when the option is not given. A nullable
/// property is optional; every other one must come from the command line or the configuration.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptAttribute(string description) : Attribute
{
    public string Description { get; } = description;

    /// <summary>The cake.config key, <c>section.key</c>; <c>{variant}</c> stands for the contract's model variant name.</summary>
    public string? Key { get; init; }

    /// <summary>False for a key that never changes outputs (a thread count): declared unstamped.</summary>
    public bool Stamped { get; init; } = true;

    /// <summary>The smallest value the verb accepts (each item, for a list); NaN: no bound. Checked when cake.config is read.</summary>
    public double AtLeast { get; init; } = double.NaN;

    /// <summary>A value the verb requires to be strictly above (each item, for a list); NaN: no bound.</summary>
    public double Above { get; init; } = double.NaN;

    /// <summary>The option name when it is not the property's name in kebab case.</summary>
    public string? Name { get; init; }
}

/// <summary>A verb contract: the words of its verb (<c>vae train</c>) and a one-line description.</summary>
public interface IVerbContract
{
    static abstract IReadOnlyList<string> Verb { get; }
    static abstract string Description { get; }
}
