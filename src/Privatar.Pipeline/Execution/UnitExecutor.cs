using System.Diagnostics;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;

namespace Privatar.Pipeline.Execution;

/// <summary>How to start a named tool: the program and the arguments that precede the unit's own.</summary>
public sealed record ToolLaunch(string FileName, IReadOnlyList<string> PrefixArgs)
{
    /// <summary>A framework-dependent .NET app, started as <c>dotnet app.dll</c>.</summary>
    public static ToolLaunch DotNet(string dll) => new("dotnet", [dll]);

    /// <summary>
    /// The arguments (after <see cref="PrefixArgs"/>) that start the tool as a long-lived worker serving many units
    /// (<see cref="ToolWorker"/>); null when the tool has no worker mode and every unit is its own process.
    /// </summary>
    public IReadOnlyList<string>? WorkerArgs { get; init; }

    /// <summary>This tool, able to run as a worker started with <paramref name="args"/>.</summary>
    public ToolLaunch WithWorker(params string[] args) => this with { WorkerArgs = args };
}

/// <summary>A unit's command exited non-zero or threw.</summary>
public sealed class UnitFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Runs a unit's command: tools as subprocesses (working directory = repository root), or, given a step's
/// <see cref="WorkerPool"/> and a tool with a worker mode, as one request to a long-lived worker process; delegates
/// in-process. Either way the unit's stdout lines reach the log as information, its stderr lines as warnings, and a
/// non-zero exit code fails it.
/// </summary>
public sealed class UnitExecutor(string root, IReadOnlyDictionary<string, ToolLaunch> tools, IPipelineLog log)
{
    /// <summary>
    /// Runs the unit's command; <paramref name="tagLines"/> prefixes its output with the unit id (units running side by
    /// side); <paramref name="workers"/>, when given, serves tool units that have a worker mode.
    /// </summary>
    public void Execute(Unit unit, bool tagLines = false, WorkerPool? workers = null)
    {
        switch (unit.Spec.Command)
        {
            case ToolCommand t: RunTool(unit, t, tagLines ? $"  [{unit.Id}] " : "  ", workers); break;
            case InProcessCommand c: RunInProcess(unit, c); break;
            default: throw new NotSupportedException(unit.Spec.Command.GetType().Name);
        }
    }

    /// <summary>The program and arguments a tool unit runs (in the repository root); null for an in-process unit.</summary>
    public IReadOnlyList<string>? CommandLine(Unit unit)
    {
        if (unit.Spec.Command is not ToolCommand t) return null;
        if (!tools.TryGetValue(t.ToolName, out var launch))
            throw new ArgumentException($"{unit}: no tool '{t.ToolName}' is registered (known: {string.Join(", ", tools.Keys)}).");
        return [launch.FileName, .. launch.PrefixArgs, .. t.Render(unit.Values)];
    }

    public string Root => root;

    void RunTool(Unit unit, ToolCommand t, string prefix, WorkerPool? workers)
    {
        if (workers is not null && tools.TryGetValue(t.ToolName, out var launch) && launch.WorkerArgs is not null)
        {
            RunInWorker(unit, t, launch, prefix, workers);
            return;
        }
        var argv = CommandLine(unit)!;
        var psi = new ProcessStartInfo(argv[0]) { WorkingDirectory = root, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in argv.Skip(1)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new UnitFailedException($"{unit}: could not start {argv[0]}.");
        p.OutputDataReceived += (_, e) => { if (e.Data is not null) log.Info(prefix + e.Data); };
        p.ErrorDataReceived += (_, e) => { if (e.Data is not null) log.Warning(prefix + e.Data); };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new UnitFailedException($"{unit}: '{unit.CommandText}' exited with code {p.ExitCode}.");
    }

    /// <summary>The unit's own arguments (what its command line has after the tool's prefix) as one worker request.</summary>
    void RunInWorker(Unit unit, ToolCommand t, ToolLaunch launch, string prefix, WorkerPool workers)
    {
        var worker = workers.Take(t.ToolName, launch, unit.Name);
        int code;
        try { code = worker.Run(t.Render(unit.Values), line => log.Info(prefix + line), line => log.Warning(prefix + line)); }
        catch (WorkerDiedException e) { throw new UnitFailedException($"{unit}: '{unit.CommandText}' failed: {e.Message}", e); }
        finally { workers.Return(t.ToolName, worker); }
        if (code != 0) throw new UnitFailedException($"{unit}: '{unit.CommandText}' exited with code {code}.");
    }

    void RunInProcess(Unit unit, InProcessCommand c)
    {
        try { c.Run(new UnitContext(root, unit.Name, unit.Values, log)); }
        catch (Exception e) when (e is not Config.UndeclaredParameterException)
        {
            throw new UnitFailedException($"{unit}: {e.Message}", e);
        }
    }
}
