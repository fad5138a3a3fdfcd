using System.Globalization;
using Privatar.Pipeline.Config;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;
using Privatar.Slurm;

namespace Privatar.Pipeline.Execution;

/// <summary>From the configuration and a unit's declaration to what sbatch is given: the site's settings, resources, the job.</summary>
static class SlurmSetup
{
    /// <summary><c>[slurm]</c> partition, account, qos, extra_args and poll_seconds; "none" leaves a setting to the site.</summary>
    public static SlurmSettings Settings(ResolvedConfig c) => new(Optional(c, "slurm.partition"), Optional(c, "slurm.account"), Optional(c, "slurm.qos"))
    {
        ExtraArgs = Optional(c, "slurm.extra_args").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        PollInterval = TimeSpan.FromSeconds(double.Parse(c.Text("slurm.poll_seconds"), CultureInfo.InvariantCulture)),
    };

    /// <summary><c>[slurm]</c> cpus, gpus, memory_mb and time_minutes: what a job gets when neither its step nor its unit says.</summary>
    public static UnitResources Defaults(ResolvedConfig c) => new(
        Int(c, "slurm.cpus"), Int(c, "slurm.gpus"), Int(c, "slurm.memory_mb"), TimeSpan.FromMinutes(Int(c, "slurm.time_minutes")), Exclusive: false);

    /// <summary>The unit's own request over its step's over the defaults.</summary>
    public static JobResources Resources(Unit unit, UnitResources defaults)
    {
        var r = (unit.Spec.Resources ?? UnitResources.None).Over(unit.Step.Resources).Over(defaults);
        return new JobResources(r.Cpus ?? 1, r.Gpus ?? 0, r.MemoryMb ?? 0, r.TimeLimit, r.Exclusive ?? false);
    }

    /// <summary>
    /// The job of one tool unit: named Step/unit, run in the repository root, its script and log under
    /// <c>.pipeline/slurm/&lt;Step&gt;/</c> (the engine's folder of the profile tree, so Clean and orphan checks leave them be).
    /// </summary>
    public static JobRequest Job(RunContext p, Unit unit, IReadOnlyList<string> argv, UnitResources defaults, IReadOnlyList<string> afterOk)
    {
        var dir = Path.Combine(p.Layout.Slurm, unit.Step.Name);
        return new JobRequest($"{unit.Step.Name}/{unit.Id}", p.Executor.Root, argv,
            Path.Combine(dir, unit.Id + ".sh"), Path.Combine(dir, unit.Id + ".log"), Resources(unit, defaults)) { AfterOk = afterOk };
    }

    /// <summary>The command as the journal records it: adoption needs the same command, or the job is not this unit's any more.</summary>
    public static string CommandText(IReadOnlyList<string> argv) => string.Join(' ', argv.Select(JobScript.Quote));

    /// <summary>The end of a job's log, for a failure message (the whole log stays at its path).</summary>
    public static string Tail(string log, int lines = 5)
    {
        if (!File.Exists(log)) return "";
        var last = File.ReadLines(log).TakeLast(lines).ToList();
        return last.Count == 0 ? "" : "\n  last lines of the log:\n    " + string.Join("\n    ", last);
    }

    static string Optional(ResolvedConfig c, string key) => c.Text(key) is var v && v.Equals("none", StringComparison.OrdinalIgnoreCase) ? "" : v;

    static int Int(ResolvedConfig c, string key) => int.Parse(c.Text(key), CultureInfo.InvariantCulture);
}
