using System.CommandLine;
using Spectre.Console;

namespace Privatar.Cli;

/// <summary>Runs the parsed command; expected failures print one clear line and exit non-zero.</summary>
public static class CliRunner
{
    /// <summary>Exit code for a failure the user can fix (bad input, missing file).</summary>
    public const int UserError = 2;

    public static int Invoke(RootCommand root, string[] args)
    {
        // Before any tensor work: libgomp reads its wait policy when libtorch loads (see NativeProcess).
        Privatar.Torch.NativeProcess.Prepare();
        return Run(root, args);
    }

    /// <summary>
    /// Parses and runs one invocation: user errors print one line and return <see cref="UserError"/>; any other
    /// exception propagates (the process's unhandled-exception exit, or one failed request of <see cref="CliWorker"/>).
    /// </summary>
    public static int Run(RootCommand root, string[] args)
    {
        try
        {
            // The default handler would print a stack trace and exit 1; user errors deserve one line and exit 2.
            return root.Parse(args).Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsUserError(e))
        {
            // Not a terminal (or NO_COLOR): one plain, unwrapped line, so a path is never split and tools can match it.
            if (Console.IsErrorRedirected || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR")))
                Console.Error.WriteLine($"error: {e.Message}");
            else
                AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) }).MarkupLine($"[red]error:[/] {Markup.Escape(e.Message)}");
            return UserError;
        }
    }

    /// <summary>
    /// The verb group <paramref name="name"/> under <paramref name="parent"/>, created on first use, so
    /// that several concerns can add verbs to one group (e.g. `privacy epsilon` and `privacy psr`).
    /// </summary>
    public static Command GetOrAddGroup(Command parent, string name, string description)
    {
        var existing = parent.Subcommands.FirstOrDefault(c => c.Name == name);
        if (existing is not null) return existing;
        var group = new Command(name, description);
        parent.Subcommands.Add(group);
        return group;
    }

    /// <summary>Errors that carry a complete, user-facing message (file, line, expectation).</summary>
    static bool IsUserError(Exception e) =>
        e is ArgumentException or FormatException or InvalidDataException or FileNotFoundException
            or DirectoryNotFoundException or InvalidOperationException;
}
