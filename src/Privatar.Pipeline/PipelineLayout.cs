namespace Privatar.Pipeline;

/// <summary>Where a profile's files live, all under <c>artifacts/&lt;profile&gt;/</c> so profiles never share anything.</summary>
public sealed record PipelineLayout(string Root, string Profile)
{
    /// <summary>The engine's own files inside each profile tree: stamps, hash cache, lock.</summary>
    public const string EngineDir = ".pipeline";

    public string TreeRelative => $"artifacts/{Profile}";
    public string Tree => Path.Combine(Root, "artifacts", Profile);
    public string EngineDirectory => Path.Combine(Tree, EngineDir);
    public string Stamps => Path.Combine(EngineDirectory, "stamps");

    /// <summary><see cref="Stamps"/>, repository-relative: what a step that reads stamps (the report) is given.</summary>
    public string StampsRelative => $"{TreeRelative}/{EngineDir}/stamps";

    /// <summary>One unit's stamp, repository-relative (the stamp store keeps it there).</summary>
    public string StampOf(string step, string unit) => $"{StampsRelative}/{(global::Privatar.Pipeline.Stamps.StampStore.FileName(step, unit))}";
    public string HashCache => Path.Combine(EngineDirectory, "hashes.tsv");
    public string Lock => Path.Combine(EngineDirectory, "lock");
    /// <summary>Outputs and stamps of running units, kept until their new ones are complete.</summary>
    public string Previous => Path.Combine(EngineDirectory, "previous");
    /// <summary>Why each unit's last run failed.</summary>
    public string Failures => Path.Combine(EngineDirectory, "failures");
    /// <summary>The slurm executor's files: job scripts and logs per step, the probe, and the journal of submitted jobs.</summary>
    public string Slurm => Path.Combine(EngineDirectory, "slurm");
    public string SlurmJournal => Path.Combine(Slurm, "jobs.json");
}
