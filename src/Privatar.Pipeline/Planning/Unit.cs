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

    /// <summary>
    /// The unit's input files: literal inputs as declared; a glob inside the profile tree matched
    /// against the outputs the plan declares (so orphans of removed units never count, and files
    /// not built yet do); any other glob expanded on disk.
    /// </summary>
    public IReadOnlyList<string> ExpandInputs(string root) =>
        Inputs.SelectMany(i => !Glob.IsPattern(i) ? [i] : ArtifactGlobs.TryGetValue(i, out var declared) ? declared : Glob.Expand(root, i))
            .Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Set by the plan: for each glob input inside the profile tree, the declared outputs it matches.</summary>
    internal Dictionary<string, IReadOnlyList<string>> ArtifactGlobs { get; } = new(StringComparer.Ordinal);

    public bool Produces(string input) =>
        Glob.IsPattern(input) ? Outputs.Any(o => Glob.Matches(input, o)) : Outputs.Contains(input);

    public override string ToString() => Name;
}
