using System.CommandLine;
using Privatar.Contracts.Verbs;
using Privatar.Torch;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar env</c>: versions, device, threads and the TorchSharp compat state.</summary>
public static class EnvCommand
{
    public static void Register(RootCommand root) => root.Subcommands.Add(ContractCommand.Build<EnvArgs>(Run));

    static int Run(EnvArgs a)
    {
        // Without options or a profile: libtorch's own defaults (TorchSettings), not a configuration's values.
        var defaults = new TorchSettings();
        var env = TorchEnvironment.Describe(new TorchSettings(a.Device ?? defaults.Device, a.Threads ?? defaults.Threads));
        var table = new Table().AddColumn("setting").AddColumn("value");
        table.AddRow("TorchSharp", env.TorchSharpVersion);
        table.AddRow("libtorch", env.LibTorchVersion);
        table.AddRow(".NET", env.DotNetVersion);
        table.AddRow("device", env.Device);
        table.AddRow("threads", env.Threads.ToString(System.Globalization.CultureInfo.InvariantCulture));
        table.AddRow("compat fix", Markup.Escape(env.CompatFix));
        table.AddRow("native library", Markup.Escape(env.NativeLibrary));
        AnsiConsole.Write(table);
        return 0;
    }
}
