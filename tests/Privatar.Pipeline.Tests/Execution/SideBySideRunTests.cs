using Privatar.Pipeline.Config;
using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Execution;

/// <summary>
/// [pipeline] jobs on a concurrent step: units a, b and c are independent, d reads a's output. Overlap is proven with
/// a barrier that both a and b must reach (a unit that waits alone gives up after a generous timeout and fails, so
/// running them one after the other fails the test); one at a time is proven by counting units inside their command.
/// </summary>
public sealed class SideBySideRunTests : IDisposable
{
    readonly Scratch _s = new Scratch().Seed();
    readonly RecordingUnits _units = new();

    public void Dispose() => _s.Dispose();

    StepSpec Step(bool concurrent, Action<string>? body = null) => new("Side", "independent units and one dependent")
    {
        Concurrent = concurrent,
        Code = ["data/gen.code"],
        Units = ctx =>
        {
            UnitSpec Make(string id, string[] inputs) => new(id)
            {
                Inputs = ["data/source.txt", .. inputs],
                Outputs = [ctx.Artifact($"side/{id}.txt")],
                Command = _units.Command(id, inputs, ctx.Artifact($"side/{id}.txt"), body),
            };
            return [Make("a", []), Make("b", []), Make("c", []), Make("d", [ctx.Artifact("side/a.txt")])];
        },
    };

    List<string> Build(StepSpec step, ListLog? log = null)
    {
        using var p = PipelineSession.Open(new PipelineOptions(_s.Root, "smoke"), [step], log ?? new ListLog());
        return p.Run(step.Name).Select(u => u.Id).ToList();
    }

    void Loosen(int jobs) => _s.SetConfig("strict = true", "strict = false").SetConfig("jobs = 1", $"jobs = {jobs}");

    [Fact]
    public void Should_Run_Independent_Units_Together_And_A_Dependent_Unit_After_Its_Input()
    {
        Loosen(jobs: 2);
        using var both = new Barrier(2);

        var ran = Build(Step(concurrent: true, id =>
        {
            if (id is "a" or "b" && !both.SignalAndWait(RecordingUnits.Patience)) throw new TimeoutException($"{id} ran alone");
        }));

        Assert.Equal(["a", "b", "c", "d"], ran);
        Assert.Equal(2, _units.MostRunning());
        Assert.True(_units.Events.IndexOf("end a") < _units.Events.IndexOf("start d"));
        Assert.All(ran, id => Assert.Equal(id + "\n", _s.Read($"artifacts/smoke/side/{id}.txt")));
        Assert.Empty(Build(Step(concurrent: true)));   // all four were stamped
    }

    [Theory]
    [InlineData(false, 2)]   // a step not marked concurrent
    [InlineData(true, 1)]    // jobs = 1
    public void Should_Run_One_At_A_Time_Otherwise(bool concurrent, int jobs)
    {
        Loosen(jobs);

        Assert.Equal(["a", "b", "c", "d"], Build(Step(concurrent)));

        Assert.Equal(1, _units.MostRunning());
    }

    [Fact]
    public void Should_Run_Side_By_Side_In_Strict_Mode_Too()
    {
        Loosen(jobs: 2);
        _s.SetConfig("strict = false", "strict = true");
        using var both = new Barrier(2);

        var ran = Build(Step(concurrent: true, id =>
        {
            if (id is "a" or "b" && !both.SignalAndWait(RecordingUnits.Patience)) throw new TimeoutException($"{id} ran alone");
        }));

        Assert.Equal(["a", "b", "c", "d"], ran);   // each allowed the other's declared output
        Assert.Equal(2, _units.MostRunning());
    }

    [Fact]
    public void Should_Name_The_Units_That_Ran_Together_When_Strict_Mode_Finds_An_Undeclared_File()
    {
        Loosen(jobs: 2);
        _s.SetConfig("strict = false", "strict = true");
        using var both = new Barrier(2);
        var step = Step(concurrent: true, id =>
        {
            if (id is "a" or "b" && !both.SignalAndWait(RecordingUnits.Patience)) throw new TimeoutException($"{id} ran alone");
            if (id == "b") File.WriteAllText(Path.Combine(_s.Root, "artifacts/smoke/side/stray.txt"), "b\n");
            if (!both.SignalAndWait(RecordingUnits.Patience)) throw new TimeoutException($"{id} ended alone");   // both still running when either is checked
        });

        var e = Assert.Throws<UndeclaredOutputException>(() => Build(step));

        Assert.Matches(@"^Side\[[ab]\] or a unit that ran beside it \(Side\[[ab]\]\) wrote undeclared outputs \(strict mode\): artifacts/smoke/side/stray.txt\.", e.Message);
    }

    [Fact]
    public void Should_Finish_And_Stamp_The_Running_Unit_When_Another_Fails()
    {
        Loosen(jobs: 2);
        using var both = new Barrier(2);
        var step = Step(concurrent: true, id =>
        {
            if (id is "a" or "b" && !both.SignalAndWait(RecordingUnits.Patience)) throw new TimeoutException($"{id} ran alone");
            if (id == "b") throw new InvalidOperationException("b broke");
        });

        var e = Assert.Throws<UnitFailedException>(() => Build(step));

        Assert.Contains("Side[b]: b broke", e.Message, StringComparison.Ordinal);
        Assert.Contains("end a", _units.Events);
        var rerun = Build(Step(concurrent: true));
        Assert.Contains("b", rerun);            // b never got a stamp
        Assert.DoesNotContain("a", rerun);      // a finished beside it and kept its stamp
        Assert.All(["a", "b", "c", "d"], id => Assert.Equal(id + "\n", _s.Read($"artifacts/smoke/side/{id}.txt")));
    }

    [Fact]
    public void Should_Count_A_Missing_Declared_Output_As_That_Units_Failure_And_Still_Stamp_The_Other()
    {
        Loosen(jobs: 2);
        _units.Silent.Add("a");
        using var both = new Barrier(2);
        var step = Step(concurrent: true, id =>
        {
            if (id is "a" or "b" && !both.SignalAndWait(RecordingUnits.Patience)) throw new TimeoutException($"{id} ran alone");
            // b outlives a, so the engine meets a's missing output while b is still running
            if (id == "b" && !SpinWait.SpinUntil(() => _units.Events.Contains("end a"), RecordingUnits.Patience)) throw new TimeoutException("a never ended");
            if (id == "b") Thread.Sleep(200);
        });

        var e = Assert.Throws<InvalidOperationException>(() => Build(step));

        Assert.Equal("Side[a] finished without writing its declared output 'artifacts/smoke/side/a.txt'.", e.Message);
        _units.Silent.Clear();
        var rerun = Build(Step(concurrent: true));
        Assert.Contains("a", rerun);
        Assert.DoesNotContain("b", rerun);      // b finished beside it and kept its stamp
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-2")]
    public void Should_Reject_Fewer_Than_One_Job_Before_Any_Work(string jobs)
    {
        _s.SetConfig("jobs = 1", $"jobs = {jobs}");

        var e = Assert.Throws<ConfigException>(() => Build(Step(concurrent: true)));

        Assert.Contains($"[pipeline] jobs = {jobs}: expected at least 1", e.Message, StringComparison.Ordinal);
        Assert.Empty(_units.Events);
    }
}
