using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Execution;

/// <summary>
/// [pipeline] workers: a tool with a worker mode serves a build's units in one long-lived process. The fake tool is a
/// shell script that speaks the worker protocol (<see cref="ToolWorker"/>) when started as <c>sh fake.sh worker</c>
/// and runs one unit when started with the unit's arguments; each unit prints the pid of the process that ran it.
/// Its arguments are an output path and a word: <c>fail</c> exits 3, <c>crash</c> kills the process mid-unit.
/// </summary>
public sealed class WorkerRunTests : IDisposable
{
    const string Script = """
        unit() {
          case "$2" in
            fail) echo "refusing $1" >&2; return 3 ;;
            crash) echo "about to die" >&2; kill -9 $$ ;;
          esac
          mkdir -p "$(dirname "$1")" && echo "$2" > "$1.tmp" && mv "$1.tmp" "$1"
          echo "pid $$ wrote $1"
        }
        if [ "$1" = worker ]; then
          while IFS= read -r req; do
            set -- $(echo "$req" | sed 's/^\["//; s/"\]$//; s/","/ /g')
            unit "$@"; code=$?
            printf '\036\n' >&2
            printf '\036%s\n' "$code"
          done
          exit 0
        fi
        unit "$@"
        """;

    readonly Scratch _s = new Scratch().Seed();

    public WorkerRunTests() => _s.Write("data/fake.sh", Script);

    public void Dispose() => _s.Dispose();

    ToolLaunch Fake => new ToolLaunch("sh", [_s.PathOf("data/fake.sh")]).WithWorker("worker");

    static StepSpec Step(params string[] words) => Named("Work", words);

    static StepSpec Named(string name, params string[] words) => new(name, "units served by one worker")
    {
        Code = ["data/gen.code"],
        Units = ctx => words.Select((w, i) => new UnitSpec($"u{i}")
        {
            Inputs = ["data/source.txt"],
            Outputs = [ctx.Artifact($"{name.ToLowerInvariant()}/u{i}.txt")],
            Command = UnitCommand.Tool("fake", _ => [ctx.Artifact($"{name.ToLowerInvariant()}/u{i}.txt"), w]),
        }),
    };

    List<string> Build(StepSpec step, ListLog log)
    {
        using var p = PipelineSession.Open(new PipelineOptions(_s.Root, "smoke") { Tools = new Dictionary<string, ToolLaunch> { ["fake"] = Fake } }, [step], log);
        return p.Run(step.Name).Select(u => u.Id).ToList();
    }

    static List<string> Pids(ListLog log) =>
        log.Lines.Where(l => l.Contains(" wrote ", StringComparison.Ordinal)).Select(l => l.Trim().Split(' ')[1]).ToList();

    [Fact]
    public void Should_Run_A_Steps_Units_Through_One_Worker_And_Stamp_Each_On_Its_Own()
    {
        // When a step of three tool units runs with workers on
        var log = new ListLog();
        var ran = Build(Step("a", "b", "c"), log);

        // Then one process ran all three, each wrote its own output and got its own stamp (with its own argv)
        Assert.Equal(["u0", "u1", "u2"], ran);
        Assert.Single(log.Lines, l => l.Contains("started a fake worker", StringComparison.Ordinal));
        Assert.Single(Pids(log).Distinct());
        Assert.Equal(3, Pids(log).Count);
        foreach (var (id, word) in new[] { ("u0", "a"), ("u1", "b"), ("u2", "c") })
        {
            Assert.Equal(word + "\n", _s.Read($"artifacts/smoke/work/{id}.txt"));
            var stamp = _s.Read($"artifacts/smoke/.pipeline/stamps/Work/{id}.json");
            Assert.Contains($"work/{id}.txt {word}", stamp, StringComparison.Ordinal);
            Assert.DoesNotContain("worker", stamp, StringComparison.Ordinal);
        }

        // And with workers off the same stamps are up to date, so nothing runs
        _s.SetConfig("workers = true", "workers = false");
        Assert.Empty(Build(Step("a", "b", "c"), new ListLog()));
    }

    [Fact]
    public void Should_Serve_Every_Step_Of_A_Build_From_One_Worker_And_Stop_It_With_The_Build()
    {
        // When two steps run in one build
        var log = new ListLog();
        var (first, second) = (Named("Work", "a", "b"), Named("More", "c"));
        var p = PipelineSession.Open(new PipelineOptions(_s.Root, "smoke") { Tools = new Dictionary<string, ToolLaunch> { ["fake"] = Fake } }, [first, second], log);
        Assert.Equal(2, p.Run("Work").Count);
        Assert.Single(p.Run("More"));

        // Then the worker the first step started ran the second step's unit too
        Assert.Single(log.Lines, l => l.Contains("started a fake worker", StringComparison.Ordinal));
        Assert.Single(Pids(log).Distinct());
        Assert.Equal(3, Pids(log).Count);

        // And ending the build stops it
        var pid = int.Parse(Pids(log)[0], System.Globalization.CultureInfo.InvariantCulture);
        p.Dispose();
        Assert.True(SpinWait.SpinUntil(() => !IsAlive(pid), TimeSpan.FromSeconds(30)), $"worker {pid} still running after the build ended");
    }

    static bool IsAlive(int pid)
    {
        try { return !System.Diagnostics.Process.GetProcessById(pid).HasExited; }
        catch (ArgumentException) { return false; }
    }

    [Fact]
    public void Should_Run_Each_Unit_In_Its_Own_Process_When_Workers_Are_Off()
    {
        _s.SetConfig("workers = true", "workers = false");
        var log = new ListLog();

        Assert.Equal(["u0", "u1", "u2"], Build(Step("a", "b", "c"), log));

        Assert.DoesNotContain(log.Lines, l => l.Contains("worker", StringComparison.Ordinal));
        Assert.Equal(3, Pids(log).Distinct().Count());

        // And a build with workers on finds the per-process stamps up to date
        _s.SetConfig("workers = false", "workers = true");
        Assert.Empty(Build(Step("a", "b", "c"), new ListLog()));
    }

    [Fact]
    public void Should_Fail_Only_The_Unit_Whose_Request_Failed_And_Keep_The_Worker()
    {
        // When the second of three units exits 3 inside the worker
        var log = new ListLog();
        var e = Assert.Throws<UnitFailedException>(() => Build(Step("a", "fail", "c"), log));

        // Then that unit fails with its own exit code and its stderr reached the log as a warning; the first is stamped
        Assert.Contains("exited with code 3", e.Message, StringComparison.Ordinal);
        Assert.Contains(log.Lines, l => l.StartsWith("warning:", StringComparison.Ordinal) && l.Contains("refusing", StringComparison.Ordinal));
        Assert.True(File.Exists(_s.PathOf("artifacts/smoke/.pipeline/stamps/Work/u0.json")));
        Assert.False(File.Exists(_s.PathOf("artifacts/smoke/.pipeline/stamps/Work/u1.json")));

        // And the same worker serves the next unit (here, through the pool directly)
        using var pool = new WorkerPool(_s.Root, new ListLog());
        var w = pool.Take("fake", Fake, "Work[u]");
        Assert.Equal(3, w.Run(["artifacts/smoke/x.txt", "fail"], _ => { }, _ => { }));
        pool.Return("fake", w);
        var again = pool.Take("fake", Fake, "Work[u]");
        Assert.Same(w, again);
        Assert.Equal(0, again.Run(["artifacts/smoke/x.txt", "x"], _ => { }, _ => { }));
        Assert.Equal(1, pool.Started);
    }

    [Fact]
    public void Should_Fail_The_Unit_Whose_Worker_Died_With_Its_Exit_Code_And_Give_The_Next_Unit_A_Fresh_Worker()
    {
        // When the worker process is killed in the middle of a unit
        var log = new ListLog();
        var e = Assert.Throws<UnitFailedException>(() => Build(Step("a", "crash", "c"), log));

        // Then that unit fails naming the worker's exit code and the tail of its stderr; the unit before it is stamped
        Assert.Contains("exited with code 137", e.Message, StringComparison.Ordinal);
        Assert.Contains("about to die", e.Message, StringComparison.Ordinal);
        Assert.True(File.Exists(_s.PathOf("artifacts/smoke/.pipeline/stamps/Work/u0.json")));

        // And in a pool the next unit gets a fresh worker and runs
        using var pool = new WorkerPool(_s.Root, new ListLog());
        var dying = pool.Take("fake", Fake, "Work[u]");
        Assert.Throws<WorkerDiedException>(() => dying.Run(["artifacts/smoke/x.txt", "crash"], _ => { }, _ => { }));
        pool.Return("fake", dying);
        var fresh = pool.Take("fake", Fake, "Work[u]");
        Assert.NotEqual(dying.Pid, fresh.Pid);
        var lines = new List<string>();
        Assert.Equal(0, fresh.Run(["artifacts/smoke/y.txt", "y"], lines.Add, _ => { }));
        Assert.Equal([$"pid {fresh.Pid} wrote artifacts/smoke/y.txt"], lines);
        Assert.Equal(2, pool.Started);

        // And a later build reruns the failed unit and the one after it in a new worker
        Assert.Equal(["u1", "u2"], Build(Step("a", "b", "c"), new ListLog()));
    }

    [Fact]
    public void Should_Run_Each_Unit_Of_A_Step_That_Asks_For_Separate_Processes_In_Its_Own()
    {
        var log = new ListLog();
        Assert.Equal(["u0", "u1"], Build(Step("a", "b") with { SeparateProcesses = true }, log));
        Assert.Equal(2, Pids(log).Distinct().Count());
    }
}
