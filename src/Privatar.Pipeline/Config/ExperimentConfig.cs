namespace Privatar.Pipeline.Config;

/// <summary>A resolved value and where it came from ("cake.config:41", "[profile.smoke] line 80", "command line").</summary>
public sealed record ConfigValue(string Raw, string Origin);

/// <summary>
/// Reads the experiment parameters of cake.config: the step sections (every value at its
/// full-profile default), then the <c>[profile.&lt;name&gt;]</c> overlay (<c>section.key = value</c>),
/// then command-line overrides <c>--section_key=value</c>. Cake's own [Settings] and [Paths] are skipped.
/// </summary>
public static class ExperimentConfig
{
    public const string ProfilePrefix = "profile.";
    public static readonly IReadOnlySet<string> CakeSections = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "Settings", "Paths" };

    public static ResolvedConfig Load(string path, string profile, IReadOnlyDictionary<string, string> overrides, ConfigSchema schema) =>
        Resolve(IniFile.Load(path), profile, overrides, schema);

    public static ResolvedConfig Resolve(IniFile ini, string profile, IReadOnlyDictionary<string, string> overrides, ConfigSchema schema)
    {
        var (values, lines) = Overlay(ini, profile, overrides);
        var warnings = schema.Validate(values, lines, System.IO.Path.GetFileName(ini.Path));
        return new ResolvedConfig(profile, values, schema, warnings);
    }

    /// <summary>
    /// Every value after the profile's overlay (none when <paramref name="profile"/> is null: the step sections as written)
    /// and the overrides, unvalidated: the build validates against its schema, a verb run by hand parses what it reads.
    /// </summary>
    public static (Dictionary<string, ConfigValue> Values, Dictionary<string, int> Lines) Overlay(IniFile ini, string? profile, IReadOnlyDictionary<string, string> overrides)
    {
        var file = System.IO.Path.GetFileName(ini.Path);
        var profiles = ini.Sections.Where(s => s.StartsWith(ProfilePrefix, StringComparison.Ordinal))
            .Select(s => s[ProfilePrefix.Length..]).ToList();
        if (profile is not null && !profiles.Contains(profile))
            throw new ConfigException($"--profile={profile}: unknown profile; expected one of {string.Join(", ", profiles)} (the [profile.<name>] sections of {file}).");

        var values = new Dictionary<string, ConfigValue>(StringComparer.Ordinal);
        var lines = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in ini.Entries.Where(e => IsStepSection(e.Section)))
        {
            values[e.Section + "." + e.Key] = new ConfigValue(e.Value, $"{file}:{e.Line}");
            lines[e.Section + "." + e.Key] = e.Line;
        }

        foreach (var e in profile is null ? [] : ini.In(ProfilePrefix + profile))
        {
            if (!values.ContainsKey(e.Key))
                throw new ConfigException($"{file}:{e.Line}: [{ProfilePrefix}{profile}] {e.Key}: unknown key; an overlay may only change a key " +
                    $"defined in a step section, written section.key = value{KnownKeysHint(values, e.Key)}.");
            values[e.Key] = new ConfigValue(e.Value, $"{file}:{e.Line} ([{ProfilePrefix}{profile}])");
        }

        foreach (var (name, raw) in overrides.OrderBy(o => o.Key, StringComparer.Ordinal))
        {
            var key = values.Keys.Where(k => string.Equals(k.Replace('.', '_'), name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (key.Count != 1)
                throw new ConfigException($"command line --{name}={raw}: unknown key; expected --section_key=value for a key of {file}, e.g. --runtime_seed=7.");
            values[key[0]] = new ConfigValue(raw, $"command line --{name}");
        }
        return (values, lines);
    }

    static bool IsStepSection(string section) =>
        !CakeSections.Contains(section) && !section.StartsWith(ProfilePrefix, StringComparison.Ordinal);

    static string KnownKeysHint(Dictionary<string, ConfigValue> values, string key)
    {
        var dot = key.IndexOf('.');
        if (dot <= 0) return "";
        var section = key[..(dot + 1)];
        var known = values.Keys.Where(k => k.StartsWith(section, StringComparison.Ordinal)).ToList();
        return known.Count == 0 ? $"; there is no section [{section[..^1]}]" : $"; known keys: {string.Join(", ", known)}";
    }
}
