using Privatar.Pipeline.Config;
using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Specs;

namespace Privatar.Pipeline.Planning;

/// <summary>A unit expanded for one configuration: its declared files, stamped parameters and command text.</summary>
public sealed class Unit
{
    internal Unit(StepSpec step, UnitSpec spec, ParamValues values, IReadOnlyDictionary<string, string> stamped, string commandText)
    {
        Step = step;
        Spec = spec;
        Values = values;
        Params = stamped;
        CommandText = commandText;
    }

    public StepSpec Step { get; }
    public UnitSpec Spec { get; }
    public string Id => Spec.Id;
    public string Name => $"{Step.Name}[{Spec.Id}]";
    public IReadOnlyList<string> Inputs => Spec.Inputs;
    public IReadOnlyList<string> Outputs => Spec.Outputs;

    /// <summary>Canonical values of the unit's fingerprinted parameters: what its stamp records.</summary>
    public IReadOnlyDictionary<string, string> Params { get; }

    /// <summary>Strict access to the unit's declared parameters, for its command.</summary>
    public ParamValues Values { get; }

    /// <summary>The rendered command line (or "in-process"); part of the fingerprint, like dvc's cmd.</summary>
    public string CommandText { get; }

    /// <summary>Units whose outputs this unit reads (file edges, as DVC derives its DAG).</summary>
    public List<Unit> Upstream { get; } = [];

    /// <summary>Paths of the current input files: literal inputs as declared, globs expanded.</summary>
    public IReadOnlyList<string> ExpandInputs(string root) =>
        Inputs.SelectMany(i => Glob.IsPattern(i) ? Glob.Expand(root, i) : [i]).Distinct().Order(StringComparer.Ordinal).ToList();

    public bool Produces(string input) =>
        Glob.IsPattern(input) ? Outputs.Any(o => Glob.Matches(input, o)) : Outputs.Contains(input);

    public override string ToString() => Name;
}
