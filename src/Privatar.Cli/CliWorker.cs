using System.Collections;
using System.CommandLine;
using System.Text.Json;
using Spectre.Console;
using TorchSharp;

namespace Privatar.Cli;

/// <summary>
/// <c>privatar worker</c>: serves many invocations in one process, for the pipeline ([pipeline] workers). Each stdin line
/// is one request, an argument vector as a JSON array (<c>["vae","test","--model","baseline",...]</c>), run through the
/// same command tree and error handling as <c>privatar &lt;args&gt;</c> would run it. After each request the worker
/// writes a reply line that starts with an ASCII record separator (U+001E): on stderr alone, then on stdout followed by
/// the request's exit code (0; 2 for a user error; 1 for any other exception, which is printed as the process would
/// print it and fails only that request). Everything between two replies is the request's own output. It exits 0 when
/// stdin ends, and stops at once, whatever it is running, when the build that started it has gone (<see cref="ParentWatch"/>).
/// Before each request it puts back what a fresh process would have: Console's streams, a new
/// AnsiConsole, the working directory and environment variables it started with, libtorch's default thread count and
/// global generator seed, so that no request inherits another's settings.
/// </summary>
public static class CliWorker
{
    /// <summary>The reply marker; the engine's side of the protocol defines it.</summary>
    public const char RecordSeparator = Privatar.Pipeline.Execution.ToolWorker.RecordSeparator;

    /// <summary>libtorch's default seed of its global CPU generator (a fresh process's state).</summary>
    const long DefaultTorchSeed = 67280421310721;

    public static void Register(RootCommand root)
    {
        var cmd = new Command("worker", "serve many invocations in one process: one JSON argument vector per stdin line, " +
            "each answered by a line of U+001E and its exit code (used by the pipeline; see README, \"Reproducibility and timing\")")
        { Hidden = true };
        cmd.SetAction(_ =>
        {
            var stderr = Console.Error;
            ParentWatch.Start(() =>
            {
                stderr.WriteLine($"worker {Environment.ProcessId}: the build that started it has gone; stopping");
                stderr.Flush();
                System.Diagnostics.Process.GetCurrentProcess().Kill();
            });
            return Serve(root, Console.In, Console.Out, Console.Error);
        });
        root.Subcommands.Add(cmd);
    }

    public static int Serve(RootCommand root, TextReader requests, TextWriter stdout, TextWriter stderr)
    {
        var directory = Environment.CurrentDirectory;
        var environment = Snapshot();
        // MKL reads MKL_CBWR at its first call (TorchSettings.Apply sets it), so it is set before libtorch is touched here.
        Privatar.Torch.NativeReproducibility.Ensure();
        var threads = torch.get_num_threads();
        while (requests.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            Environment.CurrentDirectory = directory;
            Restore(environment);
            torch.set_num_threads(threads);
            torch.random.manual_seed(DefaultTorchSeed);
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Console.SetIn(TextReader.Null);
            AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings());
            var code = Run(root, line);
            // What the request left in memory (tensors it did not dispose) is released before the next one.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            Console.Out.Flush();
            Console.Error.Flush();
            stdout.Flush();
            stderr.WriteLine(RecordSeparator);
            stderr.Flush();
            stdout.WriteLine($"{RecordSeparator}{code.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
            stdout.Flush();
        }
        return 0;
    }

    /// <summary>One request: its exit code as `privatar &lt;args&gt;` would have returned it.</summary>
    static int Run(RootCommand root, string request)
    {
        string[] args;
        try { args = JsonSerializer.Deserialize<string[]>(request) ?? throw new JsonException("null"); }
        catch (JsonException e)
        {
            Console.Error.WriteLine($"error: worker request is not a JSON array of strings: {e.Message}");
            return CliRunner.UserError;
        }
        if (args is ["worker", ..])
        {
            Console.Error.WriteLine("error: a worker does not start another worker");
            return CliRunner.UserError;
        }
        try { return CliRunner.Run(root, args); }
        catch (Exception e)
        {
            // What the runtime would print for an unhandled exception, which ends that process with a non-zero code.
            Console.Error.WriteLine($"Unhandled exception. {e}");
            return 1;
        }
    }

    static Dictionary<string, string> Snapshot() =>
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? "", StringComparer.Ordinal);

    static void Restore(Dictionary<string, string> snapshot)
    {
        foreach (var key in Environment.GetEnvironmentVariables().Keys.Cast<string>().Where(k => !snapshot.ContainsKey(k)).ToList())
            Environment.SetEnvironmentVariable(key, null);
        foreach (var (key, value) in snapshot)
            if (Environment.GetEnvironmentVariable(key) != value) Environment.SetEnvironmentVariable(key, value);
    }
}
