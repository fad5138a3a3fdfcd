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
