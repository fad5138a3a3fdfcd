namespace Privatar.Pipeline.Config;

/// <summary>
/// Every parameter that some step declares, with its type. Declarations of one key by several steps
/// must agree on the type. <see cref="Validate"/> checks a resolved configuration against it.
/// </summary>
public sealed class ConfigSchema
{
    readonly Dictionary<string, (ParamSpec Spec, string Owner)> _specs = new(StringComparer.Ordinal);
    readonly Dictionary<string, List<ValueRule>> _rules = new(StringComparer.Ordinal);

    /// <summary>The engine's own keys: the runtime every step shares, and the pipeline's switches.</summary>
    public static readonly IReadOnlyList<ParamSpec> Builtin =
    [
        P.String("runtime.device").OneOf(["cpu"], "the build references TorchSharp-cpu and every verb runs on the CPU (README, \"Device\")"),
        P.Int("runtime.threads").AtLeast(0).Unstamped(), P.Int("runtime.seed").AtLeast(0),
        P.Bool("pipeline.strict").Unstamped(), P.Int("pipeline.jobs").AtLeast(1).Unstamped(),
        P.Bool("pipeline.workers").Unstamped(),
        P.String("pipeline.executor").OneOf(["local", "slurm"]).Unstamped(),
        // Where units run changes no output byte, so none of [slurm] is stamped.
        P.String("slurm.partition").Unstamped(), P.String("slurm.account").Unstamped(), P.String("slurm.qos").Unstamped(),
        P.String("slurm.extra_args").Unstamped(), P.Double("slurm.poll_seconds").Above(0).Unstamped(),
        P.Int("slurm.cpus").AtLeast(1).Unstamped(), P.Int("slurm.gpus").AtLeast(0).Unstamped(),
        P.Int("slurm.memory_mb").AtLeast(0).Unstamped(), P.Int("slurm.time_minutes").AtLeast(1).Unstamped(),
    ];

    public ConfigSchema() => Add("pipeline", Builtin);

    public ConfigSchema Add(string owner, IEnumerable<ParamSpec> specs)
    {
        foreach (var s in specs)
        {
            if (_specs.TryGetValue(s.Key, out var prior) && prior.Spec.Kind != s.Kind)
                throw new ArgumentException($"{owner} declares {s.Key} as {s.Kind} but {prior.Owner} declares it as {prior.Spec.Kind}.");
            if (prior.Spec is null || (s.Fingerprinted && !prior.Spec.Fingerprinted)) _specs[s.Key] = (s, owner);
            if (!_rules.TryGetValue(s.Key, out var rules)) _rules[s.Key] = rules = [];
            rules.AddRange(s.Rules.Where(r => !rules.Contains(r)));
        }
        return this;
    }

    public ParamSpec? Find(string key) => _specs.TryGetValue(key, out var s) ? s.Spec : null;

    public IEnumerable<ParamSpec> All => _specs.Values.Select(v => v.Spec);

    /// <summary>Throws a <see cref="ConfigException"/> on the first problem; returns warnings for sections no step reads.</summary>
    public IReadOnlyList<string> Validate(IReadOnlyDictionary<string, ConfigValue> values, IReadOnlyDictionary<string, int> lines, string file)
    {
        foreach (var (key, (spec, owner)) in _specs.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            if (!values.TryGetValue(key, out var v))
                throw new ConfigException($"{file}: {owner} reads {key} but [{spec.Section}] has no '{spec.Name} = …'; " +
                    $"add it there with its full-profile default ({spec.ExpectedForm}).");
            if (spec.Canonicalize(v.Raw) is not { } canonical)
                throw new ConfigException($"{v.Origin}: {key} = '{v.Raw}': expected {spec.ExpectedForm}.");
            var items = spec.Kind is ParamKind.IntList or ParamKind.DoubleList or ParamKind.StringList ? canonical.Split(", ") : [canonical];
            foreach (var rule in _rules[key])
                if (items.FirstOrDefault(i => !rule.Accepts(i)) is { } bad)
                    throw new ConfigException($"{v.Origin}: [{spec.Section}] {spec.Name} = {v.Raw.Trim()}: " +
                        (items.Length > 1 ? $"item {bad}: " : "") + $"{rule.Expected} (a unit would refuse it, so the build stops before touching any output).");
        }
        var claimed = _specs.Values.Select(s => s.Spec.Section).ToHashSet(StringComparer.Ordinal);
        foreach (var key in values.Keys.Where(k => !_specs.ContainsKey(k) && claimed.Contains(k[..k.IndexOf('.')])).Order(StringComparer.Ordinal))
        {
            var section = key[..key.IndexOf('.')];
            var declared = _specs.Keys.Where(k => k.StartsWith(section + ".", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
            throw new ConfigException($"{file}:{lines[key]}: [{section}] {key[(section.Length + 1)..]}: unknown key; no step declares it " +
                $"(declared keys of [{section}]: {string.Join(", ", declared)}).");
        }
        return values.Keys.Select(k => k[..k.IndexOf('.')]).Where(s => !claimed.Contains(s)).Distinct().Order(StringComparer.Ordinal)
            .Select(s => $"{file}: section [{s}] is read by no registered step; its keys are not checked.").ToList();
    }
}
