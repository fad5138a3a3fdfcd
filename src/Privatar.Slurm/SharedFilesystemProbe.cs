namespace Privatar.Slurm;

/// <summary>
/// Checks that a job sees the controller's files: the controller writes a token, a one-CPU job
/// copies it beside itself, and the controller reads the copy back. Without a shared filesystem the
/// jobs' outputs would never reach the controller, so the build stops before submitting any unit.
/// </summary>
public static class SharedFilesystemProbe
{
    public static void Check(SlurmClient client, string directory, TimeSpan timeout, CancellationToken cancel = default)
    {
        Directory.CreateDirectory(directory);
        var token = Guid.NewGuid().ToString("N");
        var probe = Path.Combine(directory, "probe.txt");
        var echo = Path.Combine(directory, "probe.echo");
        File.WriteAllText(probe, token);
        File.Delete(echo);
        var job = new JobRequest("privatar-fs-probe", directory, ["cp", probe, echo],
            Path.Combine(directory, "probe.sh"), Path.Combine(directory, "probe.log"), new JobResources(TimeLimit: TimeSpan.FromMinutes(5)));
        var id = client.Submit(job);
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var s = client.Query([id]).GetValueOrDefault(id);
            if (s is { IsFinished: true } || SlurmClient.RecordedExitCode(job) is not null) break;
            if (DateTime.UtcNow > deadline)
            {
                client.Cancel([id]);
                throw new SlurmException($"The shared-filesystem probe (job {id}) did not finish within {timeout.TotalSeconds:F0} s; is the partition up (sinfo)?");
            }
            Task.Delay(TimeSpan.FromMilliseconds(200), cancel).Wait(cancel);
        }
        var seen = File.Exists(echo) ? File.ReadAllText(echo) : null;
        if (seen != token)
            throw new SlurmException(
                $"A Slurm job could not read back {probe} from the controller's filesystem (job {id}; log {job.LogPath}). " +
                "The slurm executor needs the repository and artifacts/ on a filesystem shared by the controller and the compute nodes.");
    }
}
