using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Execution;

/// <summary>
/// Units running ahead of their step ([pipeline] jobs = 2): step First has a1 and a2, a2 reading a1's output, so a2 waits
/// and First leaves a slot idle while a1 runs; step Later has b1 (reads nothing of First) and b2 (reads a2's output).
/// Overlap is proven with a barrier a1 and b1 must both reach (a unit waiting alone times out and fails); order with the
/// events each command records.
/// </summary>
public sealed class LookAheadTests : IDisposable
{
    readonly Scratch _s = new Scratch().Seed();
    readonly RecordingUnits _units = new();

    public LookAheadTests() => _s.SetConfig("strict = true", "strict = false").SetConfig("jobs = 1", "jobs = 2");

    public void Dispose() => _s.Dispose();

    UnitSpec Make(PlanContext ctx, string id, string[] inputs, Action<string>? body)
    {
        string[] read = [.. inputs.Select(i => ctx.Artifact($"la/{i}.txt"))];
        return new(id)
        {
            Inputs = ["data/source.txt", .. read],
            Outputs = [ctx.Artifact($"la/{id}.txt")],
            Command = _units.Command(id, read, ctx.Artifact($"la/{id}.txt"), body),
        };
    }

    StepSpec[] Steps(Action<string>? body = null, bool laterConcurrent = true) =>
    [
        new("First", "a1, then a2 reading it")
        {
            Concurrent = true,
            Code = ["data/gen.code"],
            Units = ctx => [Make(ctx, "a1", [], body), Make(ctx, "a2", ["a1"], body)],
        },
        new("Later", "b1 independent of First, b2 reading a2")
        {
            Concurrent = laterConcurrent,
            Code = ["data/gen.code"],
            Units = ctx => [Make(ctx, "b1", [], body), Make(ctx, "b2", ["a2"], body)],
        },
    ];

    /// <summary>Runs each step's task in order, as the Cake host does; returns what each task reported as ran.</summary>
    List<string>[] Build(StepSpec[] steps, IReadOnlyList<string>? scheduled, ListLog log)
    {
        using var p = PipelineSession.Open(new PipelineOptions(_s.Root, "smoke"), steps, log);
        p.Scheduled = scheduled;
        return [.. steps.Select(st => p.Run(st.Name).Select(u => u.Id).ToList())];
    }

    static Action<string> A1AndB1Together(Barrier both) => id =>
    {
        if (id is "a1" or "b1" && !both.SignalAndWait(RecordingUnits.Patience)) throw new TimeoutException($"{id} ran alone");
    };

    [Fact]
    public void Should_Run_A_Later_Steps_Ready_Unit_In_A_Slot_Its_Own_Step_Leaves_Idle()
    {
        using var both = new Barrier(2);
        var log = new ListLog();

        var ran = Build(Steps(A1AndB1Together(both)), ["First", "Later"], log);

        Assert.Equal(["a1", "a2"], ran[0]);
        Assert.Equal(["b1", "b2"], ran[1]);   // the later step's task reports the unit that ran ahead of it as its own
        Assert.Contains(log.Lines, l => l.StartsWith("Later[b1]: no stamp", StringComparison.Ordinal) && l.Contains("; running ahead of its step (with 1 other)", StringComparison.Ordinal));
        Assert.Contains("Later: 2 ran", log.Lines);
        Assert.True(_units.Events.IndexOf("end a2") < _units.Events.IndexOf("start b2"), "b2 read a2's output before a2 ended");
        Assert.All(new[] { "a1", "a2", "b1", "b2" }, id => Assert.Equal(id + "\n", _s.Read($"artifacts/smoke/la/{id}.txt")));
        Assert.All(Build(Steps(), ["First", "Later"], new ListLog()), Assert.Empty);   // every unit was stamped
    }

    [Fact]
    public void Should_Not_Run_Ahead_When_The_Build_Has_Not_Said_Which_Steps_It_Runs()
    {
        var ran = Build(Steps(), scheduled: null, new ListLog());

        Assert.Equal(["b1", "b2"], ran[1]);
        Assert.True(_units.Events.IndexOf("end a2") < _units.Events.IndexOf("start b1"));
    }

    [Fact]
    public void Should_Not_Run_Ahead_A_Step_The_Build_Does_Not_Schedule()
    {
        var ran = Build(Steps(), ["First"], new ListLog());

        Assert.True(_units.Events.IndexOf("end a2") < _units.Events.IndexOf("start b1"));
        Assert.Equal(["b1", "b2"], ran[1]);
    }

    [Fact]
    public void Should_Run_A_Step_That_Is_Not_Concurrent_Alone_And_Only_In_Its_Own_Task()
    {
        Build(Steps(laterConcurrent: false), ["First", "Later"], new ListLog());

        Assert.True(_units.Events.IndexOf("end a2") < _units.Events.IndexOf("start b1"));
        Assert.Equal(1, _units.MostRunning("b1", "b2"));
    }

    [Fact]
    public void Should_Stop_At_A_Failure_Ahead_Of_Its_Step_And_Stamp_The_Unit_Beside_It()
    {
        using var both = new Barrier(2);
        var together = A1AndB1Together(both);
        var steps = Steps(id =>
        {
            together(id);
            if (id == "b1") throw new InvalidOperationException("b1 broke");
        });

        var e = Assert.Throws<UnitFailedException>(() => Build(steps, ["First", "Later"], new ListLog()));

        Assert.Contains("Later[b1]: b1 broke", e.Message, StringComparison.Ordinal);
        Assert.Contains("end a1", _units.Events);
        var rerun = Build(Steps(), ["First", "Later"], new ListLog());
        Assert.DoesNotContain("a1", rerun[0]);          // a1 finished beside the failure and kept its stamp
        Assert.Equal(["b1", "b2"], rerun[1]);           // b1 never got one, and b2 never started
    }

    [Fact]
    public void Should_Not_Rethrow_An_Earlier_Failure_When_The_Caller_Goes_On()
    {
        var steps = Steps(id => { if (id == "a1") throw new InvalidOperationException("a1 broke"); });
        using var p = PipelineSession.Open(new PipelineOptions(_s.Root, "smoke"), steps, new ListLog());
        p.Scheduled = ["First", "Later"];

        Assert.Contains("First[a1]: a1 broke", Assert.Throws<UnitFailedException>(() => p.Run("First")).Message, StringComparison.Ordinal);
        var e = Assert.Throws<FileNotFoundException>(() => p.Run("Later"));   // its own error: b2 reads a2, which never ran

        Assert.Equal("Later[b2]: input 'artifacts/smoke/la/a2.txt' does not exist (its producer did not write it).", e.Message);
        Assert.Contains("end b1", _units.Events);
    }
}
