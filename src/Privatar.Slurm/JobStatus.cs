namespace Privatar.Slurm;

/// <summary>Where a job stands, reduced to what the controller acts on.</summary>
public enum JobPhase { Waiting, Running, Succeeded, Failed, Unknown }

/// <summary>A job's state as Slurm names it (<c>COMPLETED</c>, <c>TIMEOUT</c>, <c>OUT_OF_MEMORY</c>, …), with what came with it.</summary>
public sealed record JobStatus(string JobId, string State, string Node = "", string Reason = "", string ExitCode = "")
{
    public JobPhase Phase => PhaseOf(State);

    public static JobPhase PhaseOf(string state) => state switch
    {
        "PENDING" or "CONFIGURING" or "REQUEUED" or "REQUEUE_HOLD" or "REQUEUE_FED" or "RESV_DEL_HOLD" or "SUSPENDED" or "STOPPED" => JobPhase.Waiting,
        "RUNNING" or "COMPLETING" or "SIGNALING" or "STAGE_OUT" or "RESIZING" => JobPhase.Running,
        "COMPLETED" => JobPhase.Succeeded,
        "FAILED" or "CANCELLED" or "TIMEOUT" or "OUT_OF_MEMORY" or "NODE_FAIL" or "PREEMPTED" or "BOOT_FAIL" or "DEADLINE" or "REVOKED" or "SPECIAL_EXIT" => JobPhase.Failed,
        _ => JobPhase.Unknown,
    };

    public bool IsFinished => Phase is JobPhase.Succeeded or JobPhase.Failed;

    /// <summary>One line for a failure message: state, exit code, node and reason where known.</summary>
    public string Describe()
    {
        var parts = new List<string> { $"job {JobId} {State}" };
        if (ExitCode.Length > 0) parts.Add($"exit code {ExitCode}");
        if (Node.Length > 0) parts.Add($"node {Node}");
        if (Reason.Length > 0 && Reason != "None") parts.Add($"reason {Reason}");
        return string.Join(", ", parts);
    }
}
