using System.CommandLine;
using Privatar.Contracts.Codec;
using Privatar.Pipeline.Config;

namespace Privatar.Cli;

/// <summary>
/// A verb bound to its contract: one option per contract field, none with a default. Run by hand with
/// <c>--profile &lt;name&gt;</c> (or <c>--config &lt;file&gt;</c>), every keyed option not given is read from cake.config
/// through the build's own reader and overlay (<see cref="ExperimentConfig.Overlay"/>); explicit options win.
/// </summary>
public static class ContractCommand
{
    static readonly Option<string?> Profile = new("--profile") { Description = "read each option not given from cake.config under this profile's overlay, as the build does" };
    static readonly Option<string?> ConfigFile = new("--config") { Description = "the cake.config to read (default: the nearest cake.config at or above this folder); without --profile, its step sections as written" };

    public static Command Build<T>(Func<T, int> run, string? name = null, string? description = null) where T : class, IVerbContract
    {
        var cmd = new Command(name ?? T.Verb[^1], description ?? T.Description);
        var options = ContractCodec.Fields<T>().ToDictionary(f => f, f => f.IsList
            ? (Option)new Option<string[]>(f.Option) { Description = Help(f), AllowMultipleArgumentsPerToken = true }
            : new Option<string>(f.Option) { Description = Help(f) });
        foreach (var o in options.Values) cmd.Options.Add(o);
        cmd.Options.Add(Profile);
        cmd.Options.Add(ConfigFile);
        cmd.SetAction(p =>
        {
            var config = HandConfig(p.GetValue(Profile), p.GetValue(ConfigFile));
            var contract = ContractCodec.Decode<T>(f => p.GetResult(options[f]) is { } r ? r.Tokens.Select(t => t.Value).ToList() : null, config);
            return run(contract);
        });
        return cmd;
    }

    static string Help(ContractField f) => f.Key is null ? f.Description : $"{f.Description} [cake.config {f.Key}]";

    /// <summary>The raw value of a key after the profile's overlay; null when neither option asks for the configuration.</summary>
    static Func<string, string?>? HandConfig(string? profile, string? file)
    {
        if (profile is null && file is null) return null;
        var path = file ?? Nearest("cake.config")
            ?? throw new FileNotFoundException($"--profile {profile}: no cake.config in {Directory.GetCurrentDirectory()} or above; give --config <file>");
        var values = ExperimentConfig.Overlay(IniFile.Load(path), profile, new Dictionary<string, string>()).Values;
        return key => values.TryGetValue(key, out var v) ? v.Raw : null;
    }

    static string? Nearest(string name)
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, name))) return Path.Combine(dir.FullName, name);
        return null;
    }
}
