using System.Text.RegularExpressions;
using Privatar.Pipeline.Tests.Fixtures;
using Privatar.Tests.Shared;
using Xunit;

namespace Privatar.Pipeline.Tests.Integration;

/// <summary>
/// The controller (a real Cake build of the integration pipeline, executor = slurm) against the real single-node
/// cluster: SIGKILLed after submitting the Square jobs, then rerun, it adopts them; interrupted with SIGINT, it cancels
/// them. Each Square job sleeps (PRIVATAR_IT_SLOW) so that it is still queued or running when the signal arrives.
/// </summary>
[Collection("Cake")]
public sealed partial class SlurmControllerTests : IDisposable
{
    readonly CakeScratch _cake = new();

    public SlurmControllerTests() => _cake.Env["SLURM_CONF"] = Path.Combine(SlurmUp.StateDir, "slurm.conf");

    public void Dispose() => _cake.Dispose();

    static readonly string[] Slurm = ["--pipeline_executor=slurm"];

    static bool LastSquareSubmitted(string line) => line.StartsWith("Integration.Square[item_3]: ", StringComparison.Ordinal) && line.Contains("submitted as job", StringComparison.Ordinal);

    static List<string> JobIds(string output) => JobId().Matches(output).Select(m => m.Groups[1].Value).ToList();

    static string Queue(IEnumerable<string> ids) => SlurmUp.Commands.Run("squeue", ["-h", "-j", string.Join(',', ids), "-o", "%i %T"], allowFailure: true).Trim();

    [Fact]
    public void Should_Adopt_Its_Jobs_After_A_Kill_And_Submit_None_Twice()
    {
        var reference = new CakeScratch();
        try
        {
            var local = reference.Run();
            Assert.True(local.ExitCode == 0, local.Output);

            // Given a slurm build SIGKILLed right after it submitted the three Square jobs (each sleeps 5 s)
            _cake.Env["PRIVATAR_IT_SLOW"] = "5";
            var killed = _cake.RunAndSignalWhen(LastSquareSubmitted, "KILL", Slurm);
            var ids = JobIds(killed.Output);
            Assert.Equal(3, ids.Count);
            Assert.NotEqual("", Queue(ids));   // still queued or running

            // When it is rerun
            var rerun = _cake.Run(Slurm);

            // Then it adopted the three jobs, submitted no Square job again, stamped them, and ends in the local bytes
            Assert.True(rerun.ExitCode == 0, rerun.Output);
            foreach (var id in ids) Assert.Contains($"adopting job {id}", rerun.Output);
            Assert.DoesNotContain(JobIds(rerun.Output), id => !ids.Contains(id));
            Assert.Equal(Products(reference.Repo), Products(_cake.Repo));
            Assert.Equal(3, Directory.GetFiles(_cake.Repo.PathOf("artifacts/smoke/.pipeline/stamps/Integration.Square"), "*.json").Length);
        }
        finally { reference.Dispose(); }
    }

    [Fact]
    public void Should_Cancel_Its_Jobs_On_Ctrl_C_And_Leave_None_Queued()
    {
        // Given a slurm build interrupted (SIGINT) once it has submitted the Square jobs (each would sleep 60 s)
        _cake.Env["PRIVATAR_IT_SLOW"] = "60";
        var interrupted = _cake.RunAndSignalWhen(LastSquareSubmitted, "INT", Slurm);
        var ids = JobIds(interrupted.Output);
        Assert.Equal(3, ids.Count);

        // Then it said so, and squeue lists none of its jobs
        Assert.NotEqual(0, interrupted.ExitCode);
        Assert.Contains("cancelled 3 Slurm job(s)", interrupted.Output);
        Assert.Equal("", Queue(ids));

        // And the next build finds nothing journaled and restores the outputs those units had set aside
        Assert.Equal("[]", _cake.Repo.Read("artifacts/smoke/.pipeline/slurm/jobs.json").Trim());
    }

    static SortedDictionary<string, string> Products(Scratch s) => s.Snapshot("artifacts/smoke", p => !p.Contains("/.pipeline/", StringComparison.Ordinal));

    [GeneratedRegex(@"submitted as job (\d+)")]
    private static partial Regex JobId();
}
