using System.Text.RegularExpressions;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Specs;

namespace Privatar.Pipeline.Planning;

/// <summary>
/// Every step expanded into units for one configuration, with the unit graph derived from files:
/// a unit is downstream of every unit that produces one of its inputs. Steps run in registration
/// order, so a step may only consume outputs of steps registered before it.
/// </summary>
public sealed partial class PipelinePlan
{
    public IReadOnlyList<StepSpec> Steps { get; }
    public IReadOnlyList<Unit> Units { get; }

    PipelinePlan(IReadOnlyList<StepSpec> steps, IReadOnlyList<Unit> units) => (Steps, Units) = (steps, units);

    public StepSpec Step(string name) =>
        Steps.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown step '{name}'. Known steps: {string.Join(", ", Steps.Select(s => s.Name))}.");

    /// <summary>
    /// The step graph's edges into <paramref name="step"/>: the steps whose outputs its units read, in registration order.
    /// The build tool's task graph is drawn from this, so it cannot disagree with the files.
    /// </summary>
    public IReadOnlyList<string> UpstreamSteps(string step)
    {
        var name = Step(step).Name;
        var read = UnitsOf(name).SelectMany(u => u.Upstream).Select(u => u.Step.Name).ToHashSet(StringComparer.Ordinal);
        return [.. Steps.Select(s => s.Name).Where(n => n != name && read.Contains(n))];
    }

    public IEnumerable<Unit> UnitsOf(string step) => Units.Where(u => string.Equals(u.Step.Name, step, StringComparison.OrdinalIgnoreCase));

    /// <summary>The schema of every parameter the steps declare, for validating the configuration first.</summary>
    public static ConfigSchema SchemaOf(IEnumerable<StepSpec> steps)
    {
        var schema = new ConfigSchema();
        foreach (var s in steps) schema.Add($"step {s.Name}", s.Params);
        return schema;
    }

    public static PipelinePlan Build(IReadOnlyList<StepSpec> steps, ResolvedConfig config, IPipelineLog log)
    {
        var layout = new PipelineLayout("", config.Profile);   // repository-relative paths only
        var units = new List<Unit>();
        var owners = new Dictionary<string, Unit>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            if (steps.Count(s => string.Equals(s.Name, step.Name, StringComparison.OrdinalIgnoreCase)) > 1)
                throw new ArgumentException($"Step '{step.Name}' is registered twice.");
            var stepKeys = step.Params.Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
            var ctx = new PlanContext(config.Profile, new ParamValues(config, stepKeys, $"step {step.Name}", log),
                units.Select(u => new DeclaredUnit(u.Step.Name, u.Id, u.Outputs, layout.StampOf(u.Step.Name, u.Id))).ToList(), layout.StampsRelative);
            foreach (var spec in step.Units(ctx))
            {
                var unit = Expand(step, spec, stepKeys, config, ctx, log);
                if (units.Any(u => u.Name == unit.Name)) throw new ArgumentException($"{unit.Name} is declared twice.");
                foreach (var o in unit.Outputs)
                    if (!owners.TryAdd(o, unit)) throw new ArgumentException($"'{o}' is declared as an output of both {owners[o]} and {unit}.");
                foreach (var input in unit.Inputs.Where(i => Glob.IsPattern(i) && i.StartsWith(ctx.ArtifactRoot + "/", StringComparison.Ordinal)))
                    unit.ArtifactGlobs[input] = units.SelectMany(u => u.Outputs).Where(o => Glob.Matches(input, o)).Order(StringComparer.Ordinal).ToList();
                foreach (var input in unit.Inputs)
                {
                    var producers = units.Where(u => u.Produces(input)).ToList();
                    if (unit.Produces(input)) throw new ArgumentException($"{unit} reads its own output '{input}'.");
                    unit.Upstream.AddRange(producers.Except(unit.Upstream));
                }
                units.Add(unit);
            }
        }
        // An input produced by a LATER unit means the registration order is wrong (or there is a cycle).
        for (var i = 0; i < units.Count; i++)
            foreach (var input in units[i].Inputs)
                if (units.Skip(i + 1).FirstOrDefault(x => x.Produces(input)) is { } later)
                    throw new ArgumentException($"{units[i]} reads '{input}', produced by {later}, which is declared after it; " +
                        $"register step {later.Step.Name} before {units[i].Step.Name} (units run in declaration order).");
        return new PipelinePlan(steps, units);
    }

    static Unit Expand(StepSpec step, UnitSpec spec, HashSet<string> stepKeys, ResolvedConfig config, PlanContext ctx, IPipelineLog log)
    {
        var name = $"{step.Name}[{spec.Id}]";
        if (!SafeId().IsMatch(spec.Id)) throw new ArgumentException($"{name}: a unit id may contain only letters, digits, '_', '-' and '.'.");
        var keys = spec.Params ?? [.. stepKeys];
        foreach (var k in keys.Where(k => !stepKeys.Contains(k)))
            throw new ArgumentException($"{name} declares parameter {k}, which its step does not declare in Params.");
        foreach (var o in spec.Outputs.Where(o => !o.StartsWith(ctx.ArtifactRoot + "/", StringComparison.Ordinal) || o.Contains("..")))
            throw new ArgumentException($"{name}: output '{o}' must lie in the profile tree {ctx.ArtifactRoot}/ (use ctx.Artifact).");
        var values = new ParamValues(config, keys.ToHashSet(StringComparer.Ordinal), name, log);
        var stamped = keys.Where(k => config.Schema.Find(k)!.Fingerprinted).Order(StringComparer.Ordinal)
            .ToDictionary(k => k, config.Canonical, StringComparer.Ordinal);
        var text = spec.Command switch
        {
            ToolCommand t => string.Join(' ', new[] { t.ToolName }.Concat(t.Render(values).Select(Quote))),
            _ => "in-process",
        };
        return new Unit(step, spec, values, stamped, text);
    }

    static string Quote(string a) => a.Length > 0 && a.All(c => !char.IsWhiteSpace(c) && c != '\'' && c != '"') ? a : "'" + a.Replace("'", "'\\''") + "'";

    [GeneratedRegex("^[A-Za-z0-9_.-]+$")]
    private static partial Regex SafeId();
}
