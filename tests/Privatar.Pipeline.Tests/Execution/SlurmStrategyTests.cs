using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Tests.Fixtures;
using Privatar.Tests.Shared;
using Xunit;

namespace Privatar.Pipeline.Tests.Execution;

/// <summary>
/// The slurm executor against the real single-node cluster of tests/cluster/slurm-up.sh (no mock): units a and b are
/// independent, c reads b. Running side by side is proven without a clock: a waits for b's start marker (and gives up,
/// failing, after a minute), which only a job running beside it can write.
/// </summary>
[Collection(SlurmCollection.Name)]
public sealed class SlurmStrategyTests : IDisposable
{
    readonly Scratch _s = new Scratch().Seed();

    public SlurmStrategyTests() => _s.SetConfig("executor = local", "executor = slurm");

    public void Dispose() => _s.Dispose();

    static UnitSpec Sh(PlanContext ctx, string id, string script, params string[] inputs) => new(id)
    {
        Inputs = ["data/source.txt", .. inputs],
        Outputs = [ctx.Artifact($"side/{id}.txt")],
        Command = UnitCommand.Tool("sh", _ => ["-c", script, "sh", ctx.Artifact($"side/{id}.txt"), ctx.Artifact("side")]),
    };

    /// <summary>a waits for b to have started; b writes "b" (or fails with 3 when data/fail_b exists); c copies b's output.</summary>
    static StepSpec Step => new("Side", "two independent jobs and one dependent job")
    {
        Code = ["data/gen.code"],
        Units = ctx =>
        [
            Sh(ctx, "a", "set -e; mkdir -p \"$2\"; for i in $(seq 600); do [ -f \"$2/b.started\" ] && break; sleep 0.1; done; " +
                "[ -f \"$2/b.started\" ] || { echo 'b never ran beside a' >&2; exit 4; }; echo a > \"$1.tmp\" && mv \"$1.tmp\" \"$1\""),
            Sh(ctx, "b", "set -e; mkdir -p \"$2\"; touch \"$2/b.started\"; " +
                "if [ -f data/fail_b ]; then echo 'b refuses: data/fail_b exists' >&2; exit 3; fi; echo b > \"$1.tmp\" && mv \"$1.tmp\" \"$1\""),
            Sh(ctx, "c", "set -e; cat \"$2/b.txt\" > \"$1.tmp\" && echo c >> \"$1.tmp\" && mv \"$1.tmp\" \"$1\"", ctx.Artifact("side/b.txt")),
        ],
    };

    PipelineSession Open(ListLog log, params string[] force) => PipelineSession.Open(new PipelineOptions(_s.Root, "smoke")
    {
        Tools = new Dictionary<string, ToolLaunch> { ["sh"] = new("sh", []) },
        Slurm = SlurmUp.Commands,
        Force = force,
    }, [Step], log);

    [Fact]
    public void Should_Submit_Each_Stale_Unit_As_A_Job_After_The_Jobs_It_Reads_And_Stamp_It()
    {
        // When the step runs under the slurm executor
        var log = new ListLog();
        using (var p = Open(log))
        {
            var ran = p.Run("Side").Select(u => u.Id).ToList();

            // Then every unit ran as its own job, c after b's job, and each is stamped with its outputs
            Assert.Equal(["a", "b", "c"], ran);
            Assert.Equal(3, ((SlurmStrategy)p.Strategy).Submitted);
        }
        var submitted = log.Lines.Where(l => l.Contains("submitted as job", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, submitted.Count);
        var bJob = submitted.Single(l => l.StartsWith("Side[b]", StringComparison.Ordinal)).Split("submitted as job ")[1].Split(' ')[0];
        Assert.Contains($"(after {bJob})", submitted.Single(l => l.StartsWith("Side[c]", StringComparison.Ordinal)));
        Assert.Equal("b\nc\n", _s.Read("artifacts/smoke/side/c.txt"));
        Assert.True(File.Exists(_s.PathOf("artifacts/smoke/.pipeline/stamps/Side/c.json")));
        Assert.True(File.Exists(_s.PathOf("artifacts/smoke/.pipeline/slurm/Side/c.log")));
        Assert.Equal("[]", _s.Read("artifacts/smoke/.pipeline/slurm/jobs.json").Trim());

        // And a second build finds everything up to date and submits nothing
        using var again = Open(new ListLog());
        Assert.Empty(again.Run("Side"));
        Assert.Equal(0, ((SlurmStrategy)again.Strategy).Submitted);
    }

    [Fact]
    public void Should_Report_A_Failed_Job_With_Its_State_And_Log_And_Keep_The_Earlier_Outputs()
    {
        // Given a complete build
        using (var first = Open(new ListLog())) first.Run("Side");
        var before = _s.Snapshot("artifacts/smoke/side", f => f.EndsWith(".txt", StringComparison.Ordinal));
        var stampB = _s.Read("artifacts/smoke/.pipeline/stamps/Side/b.json");

        // When every unit reruns and b's job exits with 3
        _s.Write("data/fail_b", "x\n");
        var log = new ListLog();
        using var p = Open(log, "Side");
        var e = Assert.Throws<UnitFailedException>(() => p.Run("Side"));

        // Then the message gives the Slurm state, exit code, node and log path; c, which reads b, did not run
        var logPath = _s.PathOf("artifacts/smoke/.pipeline/slurm/Side/b.log");
        Assert.Contains("2 units of Side failed", e.Message);
        Assert.Contains("Side[b]: Slurm job", e.Message);
        Assert.Contains("FAILED", e.Message);
        Assert.Contains("exit code 3", e.Message);
        Assert.Contains("node ", e.Message);
        Assert.Contains($"log {logPath}", e.Message);
        Assert.Contains("b refuses", e.Message);
        Assert.Contains(log.Lines, l => l.Contains("Side[c]: failed", StringComparison.Ordinal));

        // And b's and c's earlier outputs and b's stamp are as they were; a, independent, ran and was stamped again
        Assert.Equal(before, _s.Snapshot("artifacts/smoke/side", f => f.EndsWith(".txt", StringComparison.Ordinal)));
        Assert.Equal(stampB, _s.Read("artifacts/smoke/.pipeline/stamps/Side/b.json"));
        Assert.Equal("[]", _s.Read("artifacts/smoke/.pipeline/slurm/jobs.json").Trim());
    }
}

[CollectionDefinition(Name)]
public sealed class SlurmCollection
{
    public const string Name = "slurm cluster";
}
