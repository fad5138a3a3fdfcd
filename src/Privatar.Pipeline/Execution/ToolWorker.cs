using System.Diagnostics;
using System.Text.Json;

namespace Privatar.Pipeline.Execution;

/// <summary>
/// A worker process died (or could not be reached) while it ran a unit: the unit fails with the process's exit code
/// and the last lines it wrote to stderr; the pool discards the worker.
/// </summary>
public sealed class WorkerDiedException(string message) : Exception(message);

/// <summary>
/// One long-lived tool process serving units one at a time (the worker protocol, README "Reproducibility and timing"):
/// the engine writes a unit's argument vector as a JSON array on one stdin line; the worker runs it and ends the unit's
/// output on each stream with a line that starts with an ASCII record separator (U+001E), on stdout followed by the
/// unit's exit code. Everything else the worker writes between two such replies is the unit's own output.
/// </summary>
public sealed class ToolWorker : IDisposable
{
    public const char RecordSeparator = '\u001e';
    const int TailLines = 20;

    readonly Process _process;
    readonly object _gate = new();
    readonly Queue<string> _stderrTail = new();
    Action<string>? _out, _err;
    int? _exitCode;
    bool _outEnded, _errEnded, _outClosed, _errClosed;

    ToolWorker(Process process)
    {
        _process = process;
        Pid = process.Id;
    }

    /// <summary>The worker's process id (kept after it exits, for messages).</summary>
    public int Pid { get; }

    /// <summary>False once the process has exited or broke the protocol; such a worker takes no further unit.</summary>
    public bool Usable { get; private set; } = true;

    /// <summary>Starts <c>launch</c> with its worker arguments in <paramref name="workingDirectory"/>.</summary>
    public static ToolWorker Start(ToolLaunch launch, string workingDirectory)
    {
        if (launch.WorkerArgs is null) throw new ArgumentException($"{launch.FileName} has no worker mode.");
        var psi = new ProcessStartInfo(launch.FileName)
        {
            WorkingDirectory = workingDirectory, UseShellExecute = false,
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        foreach (var a in launch.PrefixArgs.Concat(launch.WorkerArgs)) psi.ArgumentList.Add(a);
        var p = Process.Start(psi) ?? throw new WorkerDiedException($"could not start {launch.FileName}.");
        var w = new ToolWorker(p);
        p.OutputDataReceived += (_, e) => w.OnLine(e.Data, stdout: true);
        p.ErrorDataReceived += (_, e) => w.OnLine(e.Data, stdout: false);
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return w;
    }

    /// <summary>
    /// Runs one unit: sends <paramref name="args"/>, forwards its stdout and stderr lines, and returns its exit code
    /// once both streams carry the reply. Throws <see cref="WorkerDiedException"/> when the process ends first.
    /// <paramref name="onSent"/> is called once the request is on its way.
    /// </summary>
    public int Run(IReadOnlyList<string> args, Action<string> stdout, Action<string> stderr, Action? onSent = null)
    {
        lock (_gate)
        {
            if (!Usable) throw new InvalidOperationException("this worker has stopped.");
            _out = stdout; _err = stderr;
            _exitCode = null; _outEnded = _errEnded = false;
            _stderrTail.Clear();
        }
        try
        {
            _process.StandardInput.WriteLine(JsonSerializer.Serialize(args.ToArray()));
            _process.StandardInput.Flush();
        }
        catch (IOException) { }   // the process is gone: the streams' end says so below
        onSent?.Invoke();
        lock (_gate)
        {
            while (!(_outEnded && _errEnded) && !(_outClosed && _errClosed)) Monitor.Wait(_gate);
            _out = _err = null;
            if (_outEnded && _errEnded && _exitCode is { } code) return code;
            Usable = false;
        }
        _process.WaitForExit();
        var tail = _stderrTail.Count == 0 ? "it wrote nothing to stderr" : "the last lines of its stderr:\n" + string.Join("\n", _stderrTail);
        throw new WorkerDiedException($"its worker process (pid {Pid}) exited with code {_process.ExitCode} before the unit finished; {tail}");
    }

    void OnLine(string? line, bool stdout)
    {
        lock (_gate)
        {
            if (line is null)
            {
                if (stdout) _outClosed = true; else _errClosed = true;
                Usable = false;
                Monitor.PulseAll(_gate);
                return;
            }
            if (line.Length > 0 && line[0] == RecordSeparator)
            {
                if (stdout)
                {
                    if (int.TryParse(line.AsSpan(1), System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var code))
                        _exitCode = code;
                    else Usable = false;   // a malformed reply: finish this unit as failed and retire the worker
                    _outEnded = true;
                }
                else _errEnded = true;
                Monitor.PulseAll(_gate);
                return;
            }
            if (!stdout)
            {
                _stderrTail.Enqueue(line);
                if (_stderrTail.Count > TailLines) _stderrTail.Dequeue();
            }
            (stdout ? _out : _err)?.Invoke(line);
        }
    }

    /// <summary>Closes the worker's stdin (it exits when idle) and waits a little; a worker that does not exit is killed.</summary>
    public void Dispose()
    {
        Usable = false;
        try { _process.StandardInput.Close(); } catch (IOException) { }
        try
        {
            if (!_process.WaitForExit(TimeSpan.FromSeconds(10))) _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}

/// <summary>
/// The workers of one build: created lazily (a tool unit that finds no idle worker of its tool starts one), reused by
/// later units of every step, and stopped when the build ends. Each request is a unit with its own arguments and seeds,
/// so a unit's outputs do not depend on what its worker ran before (smoke's tree is compared byte for byte with and
/// without workers). A unit holds its worker for its whole run, so there are never more workers than units running at
/// once ([pipeline] jobs). A worker that died is discarded and the next unit gets a fresh one.
/// </summary>
public sealed class WorkerPool(string root, IPipelineLog log) : IDisposable
{
    readonly object _gate = new();
    readonly Dictionary<string, Stack<ToolWorker>> _idle = new(StringComparer.Ordinal);
    readonly List<ToolWorker> _all = [];
    bool _disposed;

    /// <summary>How many worker processes this pool started.</summary>
    public int Started { get; private set; }

    /// <summary>An idle worker of the tool, or a new one started for <paramref name="unit"/> (named in the log line).</summary>
    public ToolWorker Take(string toolName, ToolLaunch launch, string unit)
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryGetValue(toolName, out var idle))
                while (idle.Count > 0)
                {
                    var w = idle.Pop();
                    if (w.Usable) return w;
                    Retire(w);
                }
        }
        var started = ToolWorker.Start(launch, root);
        lock (_gate)
        {
            _all.Add(started);
            Started++;
        }
        log.Info($"{unit}: started a {toolName} worker (pid {started.Pid})");
        return started;
    }

    public void Return(string toolName, ToolWorker worker)
    {
        lock (_gate)
        {
            if (_disposed || !worker.Usable) { Retire(worker); return; }
            if (!_idle.TryGetValue(toolName, out var idle)) _idle[toolName] = idle = new Stack<ToolWorker>();
            idle.Push(worker);
        }
    }

    void Retire(ToolWorker w)
    {
        _all.Remove(w);
        w.Dispose();
    }

    public void Dispose()
    {
        List<ToolWorker> all;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            all = [.. _all];
            _all.Clear();
            _idle.Clear();
        }
        foreach (var w in all) w.Dispose();
    }
}
