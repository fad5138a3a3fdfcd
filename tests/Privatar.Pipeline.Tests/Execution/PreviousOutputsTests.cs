using Privatar.Core;
using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Stamps;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;
using static Privatar.Pipeline.Tests.Fixtures.InProcessBuild;

namespace Privatar.Pipeline.Tests.Execution;

/// <summary>
/// A unit that fails, or a build killed while it runs, never costs the unit's last good outputs: they are moved aside
/// before it runs and come back, with the stamp, byte for byte.
/// </summary>
public sealed class PreviousOutputsTests : IDisposable
{
    const string Report = "Integration.Report[report]";
    readonly Scratch _s = new Scratch().Seed();
    readonly FakeSteps _steps = new();

    public void Dispose() => _s.Dispose();

    SortedDictionary<string, string> Tree() =>
        _s.Snapshot("artifacts/smoke", p => !p.Contains("/.pipeline/hashes.tsv") && !p.Contains("/.pipeline/lock") && !p.Contains("/.pipeline/failures/"));

    [Fact]
    public void Should_Keep_Outputs_And_Stamp_Byte_Identical_When_A_Unit_Fails_After_Writing_Part_Of_Them()
    {
        Build(_s, _steps);
        var before = Tree();
        _s.SetConfig("title = Fake", "title = Broken");
        _steps.Sneak = u =>
        {
            File.WriteAllText(u.PathOf("artifacts/smoke/report/report.md"), "half a rep");
            throw new ArgumentException("--title Broken: the verb refuses this title");
        };

        var e = Assert.Throws<UnitFailedException>(() => Build(_s, _steps));

        Assert.Contains("the verb refuses this title", e.Message);
        Assert.Equal(before, Tree());
        using var p = Open(_s, _steps);
        var d = p.Status().Single(x => x.Unit.Name == Report);
        Assert.Equal(UnitState.Stale, d.State);
        Assert.Contains("report.title: Fake → Broken", d.Reasons);
        Assert.Contains(d.Reasons, r => r.StartsWith("last run failed: ", StringComparison.Ordinal) && r.Contains("refuses this title"));
    }

    [Fact]
    public void Should_Forget_The_Failure_Once_The_Unit_Succeeds()
    {
        Build(_s, _steps);
        _s.SetConfig("title = Fake", "title = Other");
        _steps.Sneak = _ => throw new InvalidOperationException("boom");
        Assert.Throws<UnitFailedException>(() => Build(_s, _steps));
        _steps.Sneak = null;

        Assert.Equal([Report], Build(_s, _steps));

        Assert.False(Directory.Exists(_s.PathOf("artifacts/smoke/.pipeline/previous/Integration.Report/report")));
        Assert.False(File.Exists(_s.PathOf("artifacts/smoke/.pipeline/failures/Integration.Report/report.txt")));
        Assert.Equal("# Other\n\ntotal = 56\n", _s.Read("artifacts/smoke/report/report.md"));
    }

    [Fact]
    public void Should_Remove_A_Partial_Output_That_Did_Not_Exist_Before_A_Failed_First_Run()
    {
        _steps.Sneak = u =>
        {
            File.WriteAllText(u.PathOf("artifacts/smoke/report/report.md"), "partial");
            throw new InvalidOperationException("boom");
        };

        Assert.Throws<UnitFailedException>(() => Build(_s, _steps));

        Assert.False(File.Exists(_s.PathOf("artifacts/smoke/report/report.md")));
        Assert.False(File.Exists(_s.PathOf("artifacts/smoke/.pipeline/stamps/Integration.Report/report.json")));
    }

    [Fact]
    public void Should_Restore_A_Unit_A_Killed_Build_Left_Set_Aside_And_Not_Rerun_It()
    {
        Build(_s, _steps);
        var before = Tree();
        // What a kill -9 while Report ran leaves: its outputs and stamp moved aside, a partial new output in place.
        var layout = new PipelineLayout(_s.Root, "smoke");
        new PreviousOutputs(_s.Root, layout.Previous, new StampStore(layout.Stamps))
            .SetAside("Integration.Report", "report", ["artifacts/smoke/report/report.md"]);
        _s.Write("artifacts/smoke/report/report.md", "# Fa");
        _steps.Runs.Clear();
        var log = new ListLog();

        Assert.Empty(Build(_s, _steps, log: log));

        Assert.Equal(before, Tree());
        Assert.Contains(log.Lines, l => l.StartsWith("Restored the previous outputs of 1 unit(s)", StringComparison.Ordinal) && l.Contains(Report));
        Assert.Empty(_steps.Runs);
    }

    [Fact]
    public void Should_Keep_The_New_Outputs_When_The_Kill_Came_After_The_New_Stamp()
    {
        Build(_s, _steps);
        var layout = new PipelineLayout(_s.Root, "smoke");
        var stamps = new StampStore(layout.Stamps);
        var stamp = File.ReadAllText(stamps.PathOf("Integration.Report", "report"));
        new PreviousOutputs(_s.Root, layout.Previous, stamps).SetAside("Integration.Report", "report", ["artifacts/smoke/report/report.md"]);
        _s.Write("artifacts/smoke/report/report.md", "# Fake\n\ntotal = 56\n");   // the new run completed…
        AtomicFile.WriteAllText(stamps.PathOf("Integration.Report", "report"), stamp);   // …and stamped, then the kill

        Assert.Empty(Build(_s, _steps));

        Assert.False(Directory.Exists(layout.Previous + "/Integration.Report/report"));
    }

    [Fact]
    public void Should_Restore_Only_The_Failed_Unit_When_Units_Run_Side_By_Side()
    {
        _s.SetConfig("jobs = 1", "jobs = 2").SetConfig("strict = true", "strict = false");
        Build(_s, _steps);
        var before = Tree();
        _s.SetConfig("scale = 2", "scale = 3");
        var steps = new FakeSteps();
        var failing = new StepSpec("Integration.Gen", "fails for item 2")
        {
            Concurrent = true,
            Code = ["data/gen.code"],
            Params = [Privatar.Pipeline.Config.P.IntList("gen.items"), Privatar.Pipeline.Config.P.Int("gen.scale"), Privatar.Pipeline.Config.P.Int("gen.sign")],
            Units = ctx => ctx.Params.IntList("gen.items").Select(n => new UnitSpec($"item_{n}")
            {
                Inputs = ["data/source.txt"],
                Outputs = [ctx.Artifact($"gen/item_{n}.txt")],
                Params = ["gen.scale"],
                Command = UnitCommand.InProcess(u =>
                {
                    File.WriteAllText(u.PathOf(ctx.Artifact($"gen/item_{n}.txt")), "partial");
                    if (n == 2) throw new InvalidOperationException("item 2 refused");
                    AtomicFile.WriteAllText(u.PathOf(ctx.Artifact($"gen/item_{n}.txt")), $"{n * u.Params.Int("gen.scale")}\n");
                }),
            }),
        };

        Assert.Throws<UnitFailedException>(() =>
        {
            using var p = PipelineSession.Open(new PipelineOptions(_s.Root, "smoke"), [failing], new ListLog());
            p.Run("Integration.Gen");
        });

        var after = Tree();
        Assert.Equal(before["artifacts/smoke/gen/item_2.txt"], after["artifacts/smoke/gen/item_2.txt"]);
        Assert.Equal(before["artifacts/smoke/.pipeline/stamps/Integration.Gen/item_2.json"], after["artifacts/smoke/.pipeline/stamps/Integration.Gen/item_2.json"]);
        Assert.Equal("3\n", _s.Read("artifacts/smoke/gen/item_1.txt"));
    }
}
