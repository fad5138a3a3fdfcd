using Xunit;
using Privatar.Slurm;

namespace Privatar.Slurm.Tests;

[Collection(ClusterCollection.Name)]
public sealed class SlurmClientTests(TestCluster cluster)
{
    [Fact]
    public void A_job_runs_in_its_directory_with_its_environment_and_records_exit_code_zero()
    {
        var client = cluster.Client();
        var job = cluster.Job("ok", "bash", "-c", "pwd; echo \"$GREETING\"") with
        {
            Environment = new Dictionary<string, string> { ["GREETING"] = "it's a \"test\" $HOME" },
        };
        var id = client.Submit(job);

        var s = cluster.AwaitAll(client, id)[id];

        Assert.Equal("COMPLETED", s.State);
        Assert.Equal(JobPhase.Succeeded, s.Phase);
        Assert.Equal(0, SlurmClient.RecordedExitCode(job));
        Assert.Equal([cluster.Work, "it's a \"test\" $HOME"], File.ReadAllLines(job.LogPath));
        Assert.Equal("0:0", client.ExitCodeOf(id));
    }

    [Fact]
    public void A_failing_job_reports_state_exit_code_and_node()
    {
        var client = cluster.Client();
        var job = cluster.Job("fails", "bash", "-c", "echo about to fail; exit 3");
        var id = client.Submit(job);

        var s = cluster.AwaitAll(client, id)[id] with { ExitCode = client.ExitCodeOf(id) };

        Assert.Equal("FAILED", s.State);
        Assert.Equal(3, SlurmClient.RecordedExitCode(job));
        Assert.Equal("3:0", s.ExitCode);
        Assert.False(string.IsNullOrEmpty(s.Node));
        Assert.Contains($"job {id} FAILED, exit code 3:0, node {s.Node}", s.Describe());
    }

    [Fact]
    public void A_job_whose_dependency_fails_is_cancelled_not_left_pending()
    {
        var client = cluster.Client();
        var first = client.Submit(cluster.Job("dep-fails", "false"));
        var second = client.Submit(cluster.Job("dependant", "touch", "never") with { AfterOk = [first] });

        var s = cluster.AwaitAll(client, first, second);

        Assert.Equal("FAILED", s[first].State);
        Assert.Equal("CANCELLED", s[second].State);
        Assert.False(File.Exists(Path.Combine(cluster.Work, "never")));
    }

    [Fact]
    public void A_dependant_starts_only_after_its_dependency_succeeded()
    {
        var client = cluster.Client();
        var a = client.Submit(cluster.Job("writer", "bash", "-c", "sleep 1; echo written > made-by-a"));
        var b = client.Submit(cluster.Job("reader", "cat", "made-by-a") with { AfterOk = [a] });

        var s = cluster.AwaitAll(client, a, b);

        Assert.Equal("COMPLETED", s[b].State);
        Assert.Equal("written", File.ReadAllText(Path.Combine(cluster.Work, "reader.log")).Trim());
    }

    [Fact]
    public void Cancelled_jobs_leave_the_queue_and_record_no_exit_code()
    {
        var client = cluster.Client();
        var job = cluster.Job("sleeper", "sleep", "300");
        var id = client.Submit(job);

        client.Cancel([id]);
        var s = cluster.AwaitAll(client, id)[id];

        Assert.Equal("CANCELLED", s.State);
        Assert.Null(SlurmClient.RecordedExitCode(job));
        var live = cluster.Commands.Run("squeue", ["-h", "-j", id, "-t", "PENDING,RUNNING", "-o", "%i"], allowFailure: true);
        Assert.DoesNotContain(id, live);
    }

    [Fact]
    public void The_shared_filesystem_probe_passes_on_one_machine()
    {
        SharedFilesystemProbe.Check(cluster.Client(), Path.Combine(cluster.Work, "probe"), TimeSpan.FromMinutes(1));
    }

    [Fact]
    public void A_missing_client_tool_is_named()
    {
        var commands = new SlurmCommands(new Dictionary<string, string> { ["PATH"] = "/nonexistent" });
        var e = Assert.Throws<SlurmException>(() => commands.Run("sbatch-that-does-not-exist", []));
        Assert.Contains("sbatch-that-does-not-exist", e.Message);
    }
}
