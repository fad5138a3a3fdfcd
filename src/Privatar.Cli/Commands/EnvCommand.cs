using System.CommandLine;
using Privatar.Torch;
using Spectre.Console;

namespace Privatar.Cli.Commands;

/// <summary><c>privatar env</c>: versions, device, threads and the TorchSharp compat state.</summary>
public static class EnvCommand
{
    public static void Register(RootCommand root)
    {
        var device = new Option<string>("--device") { Description = "cpu, cuda or cuda:N", DefaultValueFactory = _ => "cpu" };
        var threads = new Option<int>("--threads") { Description = "libtorch intra-op threads (0 = one per core)", DefaultValueFactory = _ => 0 };
        var cmd = new Command("env", "Print TorchSharp, libtorch and .NET versions, the device, threads and whether the compat fix was applied")
        {
            device, threads,
        };
        cmd.SetAction(parse =>
        {
            var env = TorchEnvironment.Describe(new TorchSettings(parse.GetValue(device)!, parse.GetValue(threads)));
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
        });
        root.Subcommands.Add(cmd);
    }
}
