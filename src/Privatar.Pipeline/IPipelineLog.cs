namespace Privatar.Pipeline;

/// <summary>Where the engine reports its decisions; the Cake host maps this onto Cake's log.</summary>
public interface IPipelineLog
{
    void Info(string message);
    void Warning(string message);
    void Verbose(string message);
}

/// <summary>Collects lines in memory (tests, and callers that print a report themselves).</summary>
public sealed class ListLog : IPipelineLog
{
    public List<string> Lines { get; } = [];
    public void Info(string message) => Lines.Add(message);
    public void Warning(string message) => Lines.Add("warning: " + message);
    public void Verbose(string message) { }
}

/// <summary>Serialises another log's calls: units running side by side, and a process's stdout and stderr readers, log from several threads.</summary>
public sealed class SynchronizedLog(IPipelineLog inner) : IPipelineLog
{
    readonly Lock _gate = new();
    public void Info(string message) { lock (_gate) inner.Info(message); }
    public void Warning(string message) { lock (_gate) inner.Warning(message); }
    public void Verbose(string message) { lock (_gate) inner.Verbose(message); }
}
