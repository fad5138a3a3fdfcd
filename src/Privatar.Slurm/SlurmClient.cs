using System.Globalization;
using Privatar.Core;

namespace Privatar.Slurm;

/// <summary>
/// Submits, watches and cancels batch jobs through Slurm's own tools. Live and recently finished
/// jobs are read with <c>squeue -t all</c>; exit codes with <c>scontrol show job</c>, or <c>sacct</c>
/// when the scheduler has already forgotten the job; the job script's status file is the last word
/// on an exit code when neither remembers it.
/// </summary>
public sealed class SlurmClient(SlurmSettings settings, SlurmCommands? commands = null)
{
    readonly SlurmCommands _run = commands ?? new SlurmCommands();

    public SlurmSettings Settings => settings;

    /// <summary>Writes the job script (atomically) and submits it; returns the job id.</summary>
    public string Submit(JobRequest r)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(r.ScriptPath))!);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(r.LogPath))!);
        AtomicFile.WriteAllText(r.ScriptPath, JobScript.Render(r));
        File.Delete(r.StatusPath); // a status left by an earlier job of this unit must not speak for this one
        var id = _run.Run("sbatch", SubmitArguments(r)).Trim();
        // --parsable prints "id" or "id;cluster"
        id = id.Split(';')[0];
        if (id.Length == 0 || !id.All(char.IsAsciiDigit))
            throw new SlurmException($"sbatch for job '{r.Name}' printed '{id}', not a job id.");
        return id;
    }

    public IEnumerable<string> SubmitArguments(JobRequest r)
    {
        yield return "--parsable";
        yield return $"--job-name={r.Name}";
        yield return $"--chdir={r.WorkingDirectory}";
        yield return $"--output={r.LogPath}";
        yield return "--open-mode=truncate";
        yield return "--export=ALL";
        foreach (var a in settings.ToArguments()) yield return a;
        foreach (var a in r.Resources.ToArguments()) yield return a;
        if (r.AfterOk.Count > 0)
        {
            yield return $"--dependency=afterok:{string.Join(':', r.AfterOk)}";
            yield return "--kill-on-invalid-dep=yes"; // a failed dependency cancels the job instead of leaving it pending forever
        }
        yield return r.ScriptPath;
    }

    /// <summary>The state of each job Slurm still knows; a job it has forgotten is absent.</summary>
    public IReadOnlyDictionary<string, JobStatus> Query(IReadOnlyCollection<string> jobIds)
    {
        var found = new Dictionary<string, JobStatus>();
        if (jobIds.Count == 0) return found;
        var text = _run.Run("squeue", ["-h", "-t", "all", "-j", string.Join(',', jobIds), "-O", "JobID:|,State:|,NodeList:|,Reason:"], allowFailure: true);
        foreach (var line in text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var f = line.Split('|');
            if (f.Length < 4 || !jobIds.Contains(f[0])) continue;
            found[f[0]] = new JobStatus(f[0], f[1], f[2], f[3]);
        }
        foreach (var id in jobIds.Where(id => !found.ContainsKey(id)))
            if (FromAccounting(id) is { } s) found[id] = s;
        return found;
    }

    /// <summary>A finished job's exit code ("3:0": code and signal), from scontrol while Slurm remembers it.</summary>
    public string ExitCodeOf(string jobId)
    {
        var text = _run.Run("scontrol", ["show", "job", "-o", jobId], allowFailure: true);
        return Field(text, "ExitCode") ?? "";
    }

    /// <summary>sacct's record of a job the controller daemon no longer holds (null when accounting is off).</summary>
    JobStatus? FromAccounting(string jobId)
    {
        var text = _run.Run("sacct", ["-n", "-P", "-X", "-j", jobId, "-o", "JobID,State,NodeList,ExitCode"], allowFailure: true);
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        if (line?.Split('|') is not { Length: 4 } f || f[0] != jobId) return null;
        // sacct writes "CANCELLED by 0"
        return new JobStatus(jobId, f[1].Split(' ')[0], f[2], "", f[3]);
    }

    /// <summary>The exit code the job script recorded, or null if it never got there.</summary>
    public static int? RecordedExitCode(JobRequest r) => RecordedExitCode(r.StatusPath);

    /// <summary>The exit code in a job's status file (<see cref="JobRequest.StatusPath"/>, <see cref="JournalEntry.StatusPath"/>), or null.</summary>
    public static int? RecordedExitCode(string statusPath) =>
        File.Exists(statusPath) && int.TryParse(File.ReadAllText(statusPath).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : null;

    public void Cancel(IReadOnlyCollection<string> jobIds)
    {
        if (jobIds.Count > 0) _run.Run("scancel", jobIds, allowFailure: true);
    }

    static string? Field(string text, string key)
    {
        foreach (var token in text.Split([' ', '\n'], StringSplitOptions.RemoveEmptyEntries))
            if (token.StartsWith(key + "=", StringComparison.Ordinal)) return token[(key.Length + 1)..];
        return null;
    }
}
