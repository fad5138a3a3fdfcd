using System.CommandLine;
using Privatar.Pipeline.Execution;
using Xunit;

namespace Privatar.Cli.Tests;

/// <summary>Sets Console's streams process-wide, so no other test of this assembly runs beside it.</summary>
[CollectionDefinition(nameof(ConsoleCollection), DisableParallelization = true)]
public sealed class ConsoleCollection;

/// <summary>
/// <c>privatar worker</c>: many invocations in one process, each with its own output, exit code and failure, and none
/// inheriting another's settings. The real CLI is driven through the engine's own client (<see cref="ToolWorker"/>).
/// </summary>
public sealed class WorkerTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "privatar-cli-worker-" + Guid.NewGuid().ToString("N"));

    public WorkerTests() => Directory.CreateDirectory(_root);

    public void Dispose() { if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true); }

    static ToolLaunch Privatar => ToolLaunch.DotNet(Path.Combine(AppContext.BaseDirectory, "privatar.dll")).WithWorker("worker");

    sealed record Reply(int Code, List<string> Out, List<string> Err);

    static Reply Send(ToolWorker w, params string[] args)
    {
        List<string> o = [], e = [];
        return new Reply(w.Run(args, o.Add, e.Add), o, e);
    }

    /// <summary>Runs a request that must succeed; a failure names its stderr.</summary>
    static void Ok(ToolWorker w, params string[] args)
    {
        var r = Send(w, args);
        Assert.True(r.Code == 0, $"privatar {string.Join(' ', args)} exited {r.Code}: {string.Join('\n', r.Err)}");
    }

    static string ThreadsRow(IEnumerable<string> lines) => lines.Single(l => l.Contains(" threads ", StringComparison.Ordinal));

    [Fact]
    public void Should_Answer_Each_Request_With_Its_Own_Output_And_Exit_Code_In_One_Process()
    {
        using var w = ToolWorker.Start(Privatar, Environment.CurrentDirectory);

        // A request that sets libtorch's threads, a user error, then a request that keeps libtorch's default
        var first = Send(w, "env", "--threads", "1");
        var bad = Send(w, "vae", "test", "--profile", "smoke", "--data", Path.Combine(_root, "missing"), "--checkpoint-dir", Path.Combine(_root, "missing"), "--out", Path.Combine(_root, "out"));
        var second = Send(w, "env");
        var unknown = Send(w, "no-such-verb");

        Assert.Equal(0, first.Code);
        Assert.Contains("│ 1 ", ThreadsRow(first.Out), StringComparison.Ordinal);
        Assert.Empty(first.Err);
        Assert.Equal(CliRunner.UserError, bad.Code);
        Assert.Empty(bad.Out);
        Assert.StartsWith("error: ", Assert.Single(bad.Err), StringComparison.Ordinal);
        Assert.Equal(0, second.Code);
        // Not the first request's thread count: what a fresh `privatar env` prints
        Assert.Equal(ThreadsRow(CliProcess.Run("env").Stdout.Split('\n')).Trim(), ThreadsRow(second.Out).Trim());
        Assert.Equal(1, unknown.Code);   // System.CommandLine's parse error, as from a process
        Assert.Contains(unknown.Err, l => l.Contains("no-such-verb", StringComparison.Ordinal));
        Assert.True(w.Usable);
    }

    [Fact]
    public void Should_Write_The_Same_Bytes_As_A_Fresh_Process_After_Other_Requests()
    {
        var subject = Path.Combine(_root, "subject");
        string[] Init(string outDir) => ["vae", "init", "--profile", "smoke", "--data", subject, "--out", outDir, "--seed", "7", "--threads", "1"];
        using (var w = ToolWorker.Start(Privatar, Environment.CurrentDirectory))
        {
            Ok(w, "data", "generate", "--root", subject, "--texture-size", "64", "--photo-width", "64", "--photo-height", "96",
                "--mesh-rows", "16", "--mesh-cols", "20", "--expressions", "4", "--frames-per-expression", "2", "--rom-frames", "4", "--cameras", "3",
                "--seed", "20180227", "--threads", "0");
            // Two model initialisations in a row: the second must not continue the first's random stream
            Ok(w, Init(Path.Combine(_root, "a")));
            Ok(w, Init(Path.Combine(_root, "b")));
        }
        var fresh = CliProcess.Run(Init(Path.Combine(_root, "c")));
        Assert.True(fresh.ExitCode == 0, fresh.Stderr);

        var files = Directory.EnumerateFiles(Path.Combine(_root, "c"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Path.Combine(_root, "c"), f)).ToList();
        Assert.NotEmpty(files);
        foreach (var f in files)
        {
            var expected = File.ReadAllBytes(Path.Combine(_root, "c", f));
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_root, "a", f))), $"a/{f} differs from a fresh process's");
            Assert.True(expected.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(_root, "b", f))), $"b/{f} differs from a fresh process's");
        }
    }

    [Fact]
    public async Task Should_Fail_The_Unit_With_The_Workers_Exit_Code_When_The_Worker_Is_Killed_Mid_Unit()
    {
        using var pool = new WorkerPool(Environment.CurrentDirectory, new Privatar.Pipeline.ListLog());
        var w = pool.Take("privatar", Privatar, "Test[u]");
        Assert.Equal(0, Send(w, "env").Code);   // libtorch is loaded: the next request is mid-unit for as long as it runs

        // A request that runs for a while (the procedural subject at a large size), killed from outside
        var started = new ManualResetEventSlim();
        var killer = Task.Run(() =>
        {
            started.Wait(TimeSpan.FromSeconds(60));
            Thread.Sleep(300);
            System.Diagnostics.Process.GetProcessById(w.Pid).Kill();
        });
        var e = Assert.Throws<WorkerDiedException>(() => w.Run(["data", "generate", "--root", Path.Combine(_root, "big"), "--texture-size", "1024",
            "--photo-width", "1334", "--photo-height", "2048", "--mesh-rows", "74", "--mesh-cols", "99", "--expressions", "65",
            "--frames-per-expression", "30", "--rom-frames", "300", "--cameras", "38", "--seed", "1", "--threads", "1"],
            _ => { }, _ => { }, onSent: started.Set));
        await killer;
        Assert.Contains($"pid {w.Pid}", e.Message, StringComparison.Ordinal);
        Assert.Contains("exited with code 137", e.Message, StringComparison.Ordinal);
        pool.Return("privatar", w);

        // The next unit gets a fresh worker
        var fresh = pool.Take("privatar", Privatar, "Test[u]");
        Assert.NotEqual(w.Pid, fresh.Pid);
        Assert.Equal(0, Send(fresh, "env").Code);
        pool.Return("privatar", fresh);
        Assert.Equal(2, pool.Started);
    }

    [Fact]
    public async Task Should_Stop_When_The_Build_That_Started_It_Is_Killed_Alone()
    {
        if (!OperatingSystem.IsLinux()) return;   // the watch reads the parent's pid through Linux's libc
        // A shell stands in for the build: it starts the worker on the test's stdin (fd 3, since a background job's own
        // stdin is /dev/null), prints its pid and waits. The test keeps that input open after killing the shell alone, as
        // a unit in progress keeps a worker from reading its input's end: without the watch the worker would not stop.
        var psi = new System.Diagnostics.ProcessStartInfo("/bin/sh")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "-c", "exec 3<&0; \"$0\" \"$1\" worker <&3 & echo $!; wait", "dotnet", Path.Combine(AppContext.BaseDirectory, "privatar.dll") })
            psi.ArgumentList.Add(a);
        using var build = System.Diagnostics.Process.Start(psi)!;
        var stderr = build.StandardError.ReadToEndAsync();
        var worker = System.Diagnostics.Process.GetProcessById(int.Parse(build.StandardOutput.ReadLine()!, System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            await Task.Delay(TimeSpan.FromSeconds(2));   // the worker is up and idle on its input
            Assert.False(worker.HasExited, "the worker stopped before its build was killed");

            build.Kill();   // the shell alone, not its process tree

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await worker.WaitForExitAsync(patience.Token);   // cancelled (the test fails) if the worker outlives its build by a minute
            Assert.Contains("the build that started it has gone; stopping", await stderr.WaitAsync(patience.Token), StringComparison.Ordinal);
        }
        finally
        {
            if (!worker.HasExited) worker.Kill();
            build.StandardInput.Close();
        }
    }
}

/// <summary>The worker loop in this process, with a command tree of its own: exceptions, settings that must not leak.</summary>
[Collection(nameof(ConsoleCollection))]
public sealed class WorkerLoopTests
{
    static RootCommand Tree()
    {
        var root = new RootCommand("test");
        Command Verb(string name, Action body)
        {
            var c = new Command(name);
            c.SetAction(_ => { body(); return 0; });
            return c;
        }
        root.Subcommands.Add(Verb("boom", () => throw new NullReferenceException("boom")));
        root.Subcommands.Add(Verb("missing", () => throw new FileNotFoundException("no such file: x.npy")));
        root.Subcommands.Add(Verb("hello", () => { Console.WriteLine("hello"); Console.Error.WriteLine("to stderr"); }));
        root.Subcommands.Add(Verb("mess", () =>
        {
            Environment.CurrentDirectory = Path.GetTempPath();
            Environment.SetEnvironmentVariable("PRIVATAR_WORKER_TEST", "leaked");
            Console.SetOut(TextWriter.Null);
        }));
        root.Subcommands.Add(Verb("look", () =>
            Console.WriteLine($"{Environment.CurrentDirectory}|{Environment.GetEnvironmentVariable("PRIVATAR_WORKER_TEST") ?? "unset"}")));
        return root;
    }

    /// <summary>Runs the requests through <see cref="CliWorker.Serve"/>; returns each request's (code, stdout, stderr).</summary>
    static List<(int Code, string Out, string Err)> Serve(params string[][] requests)
    {
        var input = new StringReader(string.Join("\n", requests.Select(r => System.Text.Json.JsonSerializer.Serialize(r))) + "\n");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var (savedOut, savedErr, savedIn, savedDir) = (Console.Out, Console.Error, Console.In, Environment.CurrentDirectory);
        try { Assert.Equal(0, CliWorker.Serve(Tree(), input, stdout, stderr)); }
        finally
        {
            Console.SetOut(savedOut); Console.SetError(savedErr); Console.SetIn(savedIn);
            Environment.CurrentDirectory = savedDir;
        }
        static List<string> Split(string text) => text.Split(CliWorker.RecordSeparator).ToList();
        var outs = Split(stdout.ToString());
        var errs = Split(stderr.ToString());
        Assert.Equal(requests.Length + 1, outs.Count);
        Assert.Equal(requests.Length + 1, errs.Count);
        // Each reply's code ends its line; the next request's output starts after it
        var codes = outs.Skip(1).Select(s => int.Parse(s[..s.IndexOf('\n')], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var texts = outs.Select((s, i) => i == 0 ? s : s[(s.IndexOf('\n') + 1)..]).ToList();
        var errTexts = errs.Select((s, i) => i == 0 ? s : s[(s.IndexOf('\n') + 1)..]).ToList();
        return codes.Select((c, i) => (c, texts[i], errTexts[i])).ToList();
    }

    [Fact]
    public void Should_Fail_Only_The_Request_That_Threw_And_Keep_Serving()
    {
        var replies = Serve(["boom"], ["missing"], ["hello"]);

        Assert.Equal(1, replies[0].Code);
        Assert.Contains("Unhandled exception. System.NullReferenceException: boom", replies[0].Err, StringComparison.Ordinal);
        Assert.Equal("", replies[0].Out);
        Assert.Equal(CliRunner.UserError, replies[1].Code);
        Assert.Contains("no such file: x.npy", replies[1].Err, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", replies[1].Err, StringComparison.Ordinal);
        Assert.Equal((0, "hello\n", "to stderr\n"), replies[2]);
    }

    [Fact]
    public void Should_Give_Each_Request_The_Working_Directory_Environment_And_Console_It_Started_With()
    {
        var dir = Environment.CurrentDirectory;
        var replies = Serve(["look"], ["mess"], ["look"]);

        Assert.Equal($"{dir}|unset\n", replies[0].Out);
        Assert.Equal(0, replies[1].Code);
        Assert.Equal($"{dir}|unset\n", replies[2].Out);
        Assert.Null(Environment.GetEnvironmentVariable("PRIVATAR_WORKER_TEST"));
    }
}
