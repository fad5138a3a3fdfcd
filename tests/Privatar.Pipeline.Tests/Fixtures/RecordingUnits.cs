using Privatar.Core;
using Privatar.Pipeline.Specs;
using Xunit;

namespace Privatar.Pipeline.Tests.Fixtures;

/// <summary>
/// In-process unit commands for the scheduling tests. Each records "start id" and "end id" and how many commands were
/// running when it started, checks that its inputs exist before its body runs, and writes its output (its id and a
/// newline) unless it is <see cref="Silent"/>.
/// </summary>
public sealed class RecordingUnits
{
    /// <summary>How long a unit waits at a barrier for the unit it must run beside before it fails.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    readonly Lock _gate = new();
    readonly List<string> _events = [];
    readonly Dictionary<string, int> _runningAtStart = new(StringComparer.Ordinal);
    int _inside;

    /// <summary>Units that finish without writing their declared output.</summary>
    public HashSet<string> Silent { get; } = [];

    /// <summary>The starts and ends so far, in order.</summary>
    public List<string> Events { get { lock (_gate) return [.. _events]; } }

    /// <summary>The most commands running at once, as the starts of <paramref name="ids"/> saw it (every unit when none is named).</summary>
    public int MostRunning(params string[] ids)
    {
        lock (_gate) return _runningAtStart.Where(e => ids.Length == 0 || ids.Contains(e.Key)).Max(e => e.Value);
    }

    /// <param name="inputs">repository-relative files that must exist when the command starts</param>
    /// <param name="output">the repository-relative file it writes</param>
    public UnitCommand Command(string id, IReadOnlyList<string> inputs, string output, Action<string>? body) => UnitCommand.InProcess(u =>
    {
        var now = Interlocked.Increment(ref _inside);
        lock (_gate)
        {
            _runningAtStart[id] = Math.Max(_runningAtStart.GetValueOrDefault(id), now);
            _events.Add($"start {id}");
        }
        try
        {
            foreach (var i in inputs) Assert.True(File.Exists(u.PathOf(i)), $"{id} started before {i} was written");
            body?.Invoke(id);
            if (!Silent.Contains(id)) AtomicFile.WriteAllText(u.PathOf(output), id + "\n");
        }
        finally
        {
            Interlocked.Decrement(ref _inside);
            lock (_gate) _events.Add($"end {id}");
        }
    });
}
