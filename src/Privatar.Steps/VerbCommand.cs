using Privatar.Contracts.Codec;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Specs;

namespace Privatar.Steps;

/// <summary>
/// How a step runs a <c>privatar</c> verb through its contract (Privatar.Contracts.Verbs): the step declares the keys the
/// contract names, builds the contract's unit-specific fields, and the codec fills the keyed ones from the unit's
/// declared parameters and renders the command line. The verb parses the same contract back.
/// </summary>
public static class VerbCommand
{
    /// <summary>Every key the contract reads, declared with the kind its field has (unstamped where the contract says so).</summary>
    public static IEnumerable<ParamSpec> Params<T>() where T : IVerbContract =>
        ContractCodec.Declarations<T>().Select(d =>
        {
            var spec = Spec(d.Key, d.Kind) with { Fingerprinted = d.Stamped };
            if (!double.IsNaN(d.AtLeast)) spec = spec.AtLeast(d.AtLeast);
            if (!double.IsNaN(d.Above)) spec = spec.Above(d.Above);
            return d.Choices is { } choices ? spec.OneOf(choices) : spec;
        });

    /// <summary>A step's declarations from several sources, each key once.</summary>
    public static ParamSpec[] Distinct(params IEnumerable<ParamSpec>[] sources) => [.. sources.SelectMany(s => s).DistinctBy(s => s.Key)];

    /// <summary>The unit command running <paramref name="contract"/> with its keyed fields filled from the unit's parameters.</summary>
    public static UnitCommand Command<T>(T contract) where T : class, IVerbContract =>
        UnitCommand.Privatar(p => ContractCodec.ToArgs(ContractCodec.Fill(contract, k => p.Declares(k) ? p.Text(k) : null)));

    static ParamSpec Spec(string key, KeyKind kind) => kind switch
    {
        KeyKind.Int => P.Int(key),
        KeyKind.Double => P.Double(key),
        KeyKind.Bool => P.Bool(key),
        KeyKind.String => P.String(key),
        KeyKind.IntList => P.IntList(key),
        KeyKind.DoubleList => P.DoubleList(key),
        _ => P.StringList(key),
    };
}
