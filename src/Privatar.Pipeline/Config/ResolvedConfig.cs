namespace Privatar.Pipeline.Config;

/// <summary>The configuration of one build: profile, every value after overlay and overrides, and the schema.</summary>
public sealed class ResolvedConfig(string profile, IReadOnlyDictionary<string, ConfigValue> values, ConfigSchema schema, IReadOnlyList<string> warnings)
{
    public string Profile { get; } = profile;
    public IReadOnlyDictionary<string, ConfigValue> Values { get; } = values;
    public ConfigSchema Schema { get; } = schema;
    public IReadOnlyList<string> Warnings { get; } = warnings;

    /// <summary>The canonical text of a declared key (see <see cref="ParamSpec.Canonicalize"/>).</summary>
    public string Canonical(string key)
    {
        var spec = Schema.Find(key) ?? throw new ArgumentException($"{key} is declared by no step.");
        return spec.Canonicalize(Values[key].Raw)!;
    }

    /// <summary>
    /// [pipeline] jobs: how many units of a <see cref="Specs.StepSpec.Concurrent"/> step may run at once (the schema
    /// checks it is at least 1). Absent (engine tests with older configs) means one at a time.
    /// </summary>
    public int Jobs => Values.TryGetValue("pipeline.jobs", out var v) ? int.Parse(v.Raw.Trim(), System.Globalization.CultureInfo.InvariantCulture) : 1;

    /// <summary>[pipeline] executor: where stale units run, <c>local</c> (child processes) or <c>slurm</c> (batch jobs).</summary>
    public string Executor => Values.TryGetValue("pipeline.executor", out var v) ? v.Raw.Trim() : "local";

    /// <summary>
    /// [pipeline] workers: whether a step's tool units run as requests to long-lived worker processes (one per unit
    /// running at once) instead of one process each. Absent (engine tests with older configs) means true.
    /// </summary>
    public bool Workers => !Values.TryGetValue("pipeline.workers", out var v) || v.Raw.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);

    /// <summary>A declared key's raw text, trimmed (for the engine's own sections, read where they are used).</summary>
    public string Text(string key) => Values[key].Raw.Trim();

    public bool Strict => Values.TryGetValue("pipeline.strict", out var v) && v.Raw.Trim().Equals("true", StringComparison.OrdinalIgnoreCase);
}
