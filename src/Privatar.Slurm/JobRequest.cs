namespace Privatar.Slurm;

/// <summary>What a job asks of the scheduler. Zero means "the site's default" for memory and GPUs.</summary>
public sealed record JobResources(int Cpus = 1, int Gpus = 0, int MemoryMb = 0, TimeSpan? TimeLimit = null, bool Exclusive = false)
{
    /// <summary>The sbatch options for these resources.</summary>
    public IEnumerable<string> ToArguments()
    {
        if (Cpus < 1) throw new ArgumentOutOfRangeException(nameof(Cpus), Cpus, "a job needs at least one CPU");
        yield return $"--cpus-per-task={Cpus}";
        if (Gpus > 0) yield return $"--gpus={Gpus}";
        if (MemoryMb > 0) yield return $"--mem={MemoryMb}M";
        if (TimeLimit is { } t) yield return $"--time={FormatTime(t)}";
        if (Exclusive) yield return "--exclusive";
    }

    /// <summary>Slurm's <c>days-hours:minutes:seconds</c>, rounded up to whole seconds.</summary>
    public static string FormatTime(TimeSpan t)
    {
        if (t <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(t), t, "a time limit must be positive");
        var s = (long)Math.Ceiling(t.TotalSeconds);
        return FormattableString.Invariant($"{s / 86400}-{s / 3600 % 24:D2}:{s / 60 % 60:D2}:{s % 60:D2}");
    }
}

/// <summary>
/// One unit as a batch job. <see cref="Command"/> is the program and its arguments, run in
/// <see cref="WorkingDirectory"/>; the job's output goes to <see cref="LogPath"/> and its exit code
/// to <see cref="StatusPath"/> (written by the job script, so it survives the scheduler forgetting the job).
/// </summary>
public sealed record JobRequest(
    string Name,
    string WorkingDirectory,
    IReadOnlyList<string> Command,
    string ScriptPath,
    string LogPath,
    JobResources Resources)
{
    public IReadOnlyList<string> AfterOk { get; init; } = [];
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
    public string StatusPath => LogPath + ".exit";
}

/// <summary>The site's settings every job shares (<c>[slurm]</c> in cake.config).</summary>
public sealed record SlurmSettings(string Partition = "", string Account = "", string Qos = "")
{
    public IReadOnlyList<string> ExtraArgs { get; init; } = [];
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(5);

    public IEnumerable<string> ToArguments()
    {
        if (Partition.Length > 0) yield return $"--partition={Partition}";
        if (Account.Length > 0) yield return $"--account={Account}";
        if (Qos.Length > 0) yield return $"--qos={Qos}";
        foreach (var a in ExtraArgs) yield return a;
    }
}
