using System.Text.Json;
using Privatar.Core;

namespace Privatar.Slurm;

/// <summary>One submitted job: which unit it runs, with which command, and where its files are.</summary>
public sealed record JournalEntry(string Unit, string JobId, string Command, string ScriptPath, string LogPath, DateTimeOffset Submitted)
{
    public string StatusPath => LogPath + ".exit";
}

/// <summary>
/// The controller's record of the jobs it submitted, rewritten atomically after every change, so a
/// controller that is killed and restarted adopts its jobs instead of submitting the same work twice.
/// An entry is removed once its unit is stamped or given up.
/// </summary>
public sealed class JobJournal
{
    static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    readonly string _path;
    readonly Dictionary<string, JournalEntry> _entries;

    JobJournal(string path, Dictionary<string, JournalEntry> entries) => (_path, _entries) = (path, entries);

    public static JobJournal Open(string path)
    {
        if (!File.Exists(path)) return new JobJournal(path, new Dictionary<string, JournalEntry>(StringComparer.Ordinal));
        List<JournalEntry>? list;
        try { list = JsonSerializer.Deserialize<List<JournalEntry>>(File.ReadAllText(path), Json); }
        catch (JsonException e) { throw new SlurmException($"{path}: not a job journal ({e.Message}). Cancel its jobs by hand if any are queued, then delete it.", e); }
        return new JobJournal(path, (list ?? []).ToDictionary(e => e.Unit, StringComparer.Ordinal));
    }

    public IReadOnlyCollection<JournalEntry> Entries => _entries.Values;

    public JournalEntry? Find(string unit) => _entries.GetValueOrDefault(unit);

    public void Add(JournalEntry e) { _entries[e.Unit] = e; Save(); }

    public void Remove(string unit) { if (_entries.Remove(unit)) Save(); }

    void Save()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!);
        var ordered = _entries.Values.OrderBy(e => e.Unit, StringComparer.Ordinal).ToList();
        AtomicFile.WriteAllText(_path, JsonSerializer.Serialize(ordered, Json) + "\n");
    }
}
