using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Privatar.Pipeline.Tests.Fixtures;

/// <summary>What one Cake run printed (colours stripped) and how it exited.</summary>
public sealed partial record CakeResult(int ExitCode, string Output)
{
    /// <summary>Units the run executed, from the engine's "…; running" lines.</summary>
    public IReadOnlyList<string> Ran => Running().Matches(Output).Select(m => m.Groups[1].Value).ToList();

    /// <summary>The Status target's verdicts: unit → "up-to-date", "STALE" or "maybe".</summary>
    public IReadOnlyDictionary<string, string> Status =>
        StatusLine().Matches(Output).ToDictionary(m => m.Groups[2].Value, m => m.Groups[1].Value);

    public IEnumerable<string> StatusOf(string state) => Status.Where(s => s.Value == state).Select(s => s.Key).Order(StringComparer.Ordinal);

    [GeneratedRegex(@"^(\S+\[\S+\]): .*; running( ahead of its step)?( \(with \d+ others?\))?$", RegexOptions.Multiline)]
    private static partial Regex Running();

    [GeneratedRegex(@"^(up-to-date|STALE|maybe)\s+(\S+\[\S+\])", RegexOptions.Multiline)]
    private static partial Regex StatusLine();
}

/// <summary>
/// A scratch repository whose build/build.cake #r's the engine from this test's output folder and
/// #load's tests/integration/build.cake, run with the repository's pinned Cake tool in its own
/// process group (setsid) so that SIGKILL reaches the build and every child it started.
/// </summary>
public sealed class CakeScratch : IDisposable
{
    static readonly string CacheDir = Path.Combine(Path.GetTempPath(), "privatar-pipeline-tests", "cake-cache");
    public Scratch Repo { get; } = new Scratch().Seed();

    public CakeScratch()
    {
        var bin = AppContext.BaseDirectory;
        Repo.Write("build/build.cake", string.Join('\n',
            new[] { "System.IO.Hashing", "Privatar.Core", "Privatar.Slurm", "Privatar.Pipeline" }.Select(a => $"#r \"{Path.Combine(bin, a + ".dll")}\"")
                .Append($"#load \"{RepoPaths.Of("tests/integration/build.cake")}\"")) + "\n");
    }

    public CakeResult Run(params string[] args) => Run(args, pauseAt: null, stopWhen: null, "KILL").Result;

    /// <summary>Starts a build that stops at <paramref name="pauseAt"/> (unit:point), SIGKILLs its process group there.</summary>
    public CakeResult RunAndKillAt(string pauseAt, params string[] args) =>
        Run(args, pauseAt, line => line.TrimStart().StartsWith("PAUSED ", StringComparison.Ordinal), "KILL").Result;

    /// <summary>Starts a build and sends <paramref name="signal"/> (KILL, INT) to its process group once it prints a line <paramref name="stopWhen"/> accepts.</summary>
    public CakeResult RunAndSignalWhen(Func<string, bool> stopWhen, string signal, params string[] args) => Run(args, null, stopWhen, signal).Result;

    public Dictionary<string, string> Env { get; } = [];

    async Task<CakeResult> Run(string[] args, string? pauseAt, Func<string, bool>? stopWhen, string signal)
    {
        // A background job of a non-interactive shell (as CI starts the tests) inherits SIGINT ignored, and .NET keeps an
        // ignored SIGINT ignored; env restores the default so that the build sees the Ctrl-C the tests send.
        var psi = new ProcessStartInfo("env") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--default-signal=INT", "setsid", "dotnet", "cake", Repo.PathOf("build/build.cake") }.Concat(args)) psi.ArgumentList.Add(a);
        psi.Environment["CAKE_SETTINGS_ENABLESCRIPTCACHE"] = "true";
        psi.Environment["CAKE_PATHS_CACHE"] = CacheDir;
        psi.Environment["NO_COLOR"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        if (pauseAt is not null) psi.Environment["PRIVATAR_IT_PAUSE"] = pauseAt;
        foreach (var (k, v) in Env) psi.Environment[k] = v;

        var output = new StringBuilder();
        var paused = new TaskCompletionSource();
        using var p = Process.Start(psi)!;
        void OnLine(string? line)
        {
            if (line is null) return;
            line = Ansi().Replace(line, "");
            lock (output) output.Append(line).Append('\n');
            if (stopWhen?.Invoke(line) == true) paused.TrySetResult();
        }
        p.OutputDataReceived += (_, e) => OnLine(e.Data);
        p.ErrorDataReceived += (_, e) => OnLine(e.Data);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            if (stopWhen is not null)
            {
                await Task.WhenAny(paused.Task, p.WaitForExitAsync(timeout.Token));
                if (!paused.Task.IsCompleted) throw new InvalidOperationException($"The build never reached {pauseAt ?? "the awaited line"}:\n{output}");
                KillGroup(p.Id, signal);
            }
            await p.WaitForExitAsync(timeout.Token);
        }
        catch
        {
            KillGroup(p.Id, "KILL");
            throw;
        }
        lock (output) return new CakeResult(p.ExitCode, output.ToString());
    }

    /// <summary>A signal (KILL, INT) to the build's whole process group (setsid made it the group leader).</summary>
    static void KillGroup(int pid, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", "--", $"-{pid}"])!;
        kill.WaitForExit();
    }

    static Regex Ansi() => AnsiRegex;
    static readonly Regex AnsiRegex = new(@"\x1B\[[0-9;]*[A-Za-z]", RegexOptions.Compiled);

    public void Dispose() => Repo.Dispose();
}
