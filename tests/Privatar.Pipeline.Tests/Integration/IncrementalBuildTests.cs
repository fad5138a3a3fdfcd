using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Integration;

/// <summary>Acceptance items 1, 2 and 4 through real Cake targets over the fake steps.</summary>
[Collection("Cake")]
public sealed class IncrementalBuildTests : IDisposable
{
    readonly CakeScratch _cake = new();
    public void Dispose() => _cake.Dispose();

    const string Gen = "Integration.Gen", Sq = "Integration.Square", Sum = "Integration.Sum[total]", Report = "Integration.Report[report]";

    /// <summary>Status first (must predict), then the build; returns what ran.</summary>
    IReadOnlyList<string> PredictThenBuild(string[] stale, string[] ran)
    {
        var status = _cake.Run("--target=Status");
        Assert.Equal(0, status.ExitCode);
        Assert.Equal(stale.Order(StringComparer.Ordinal), status.StatusOf("STALE"));
        var build = _cake.Run();
        Assert.True(build.ExitCode == 0, build.Output);
        Assert.Equal(ran, build.Ran);
        Assert.All(ran.Except(stale), u => Assert.Equal("maybe", status.Status[u]));
        return build.Ran;
    }

    [Fact]
    public void Should_Rerun_Exactly_What_Each_Change_Affects_As_Status_Predicts()
    {
        // A first build runs all 8 units; a second runs none (acceptance 1).
        Assert.Equal(8, _cake.Run().Ran.Count);
        var noop = _cake.Run();
        Assert.Empty(noop.Ran);
        Assert.Contains("Integration.Report: 1 up to date", noop.Output);

        // A declared parameter: every unit reading it, and what depends on their outputs.
        _cake.Repo.SetConfig("scale = 2", "scale = 3");
        PredictThenBuild([$"{Gen}[item_1]", $"{Gen}[item_2]", $"{Gen}[item_3]"],
            [$"{Gen}[item_1]", $"{Gen}[item_2]", $"{Gen}[item_3]", $"{Sq}[item_1]", $"{Sq}[item_2]", $"{Sq}[item_3]", Sum, Report]);

        // An undeclared (unstamped) parameter, and a touched input: nothing.
        _cake.Repo.SetConfig("runtime.threads = 1", "runtime.threads = 2");
        File.SetLastWriteTimeUtc(_cake.Repo.PathOf("data/source.txt"), DateTime.UtcNow.AddMinutes(1));
        PredictThenBuild([], []);

        // One deleted output: its unit only; identical bytes stop the cascade (early cutoff).
        File.Delete(_cake.Repo.PathOf("artifacts/smoke/sq/item_2.txt"));
        PredictThenBuild([$"{Sq}[item_2]"], [$"{Sq}[item_2]"]);

        // One more list item: the new units and what reads all items.
        _cake.Repo.SetConfig("items = 1, 2, 3", "items = 1, 2, 3, 4");
        PredictThenBuild([$"{Gen}[item_4]", $"{Sq}[item_4]"], [$"{Gen}[item_4]", $"{Sq}[item_4]", Sum, Report]);
        Assert.Equal("# Fake\n\ntotal = 270\n", _cake.Repo.Read("artifacts/smoke/report/report.md"));
    }

    [Fact]
    public void Should_Detect_And_Rebuild_Corrupted_Or_Hand_Edited_Outputs()
    {
        Assert.Equal(0, _cake.Run().ExitCode);
        var expected = _cake.Repo.Snapshot("artifacts/smoke", p => !p.Contains("/.pipeline/"));
        _cake.Repo.Write("artifacts/smoke/gen/item_1.txt", "7\n");
        _cake.Repo.Write("artifacts/smoke/report/report.md", "# Fake\n\ntotal = 1000\n");

        var status = _cake.Run("--target=Status");
        Assert.Contains($"STALE      {Gen}[item_1]: output 'artifacts/smoke/gen/item_1.txt' modified (content differs from its stamp)", status.Output);
        PredictThenBuild([$"{Gen}[item_1]", Report], [$"{Gen}[item_1]", Report]);
        Assert.Equal(expected, _cake.Repo.Snapshot("artifacts/smoke", p => !p.Contains("/.pipeline/")));
    }

    [Fact]
    public void Should_Report_Why_Dag_Force_Dry_Run_And_Clean()
    {
        Assert.Equal(0, _cake.Run().ExitCode);
        _cake.Repo.SetConfig("sign = 1", "sign = -1");

        var why = _cake.Run("--target=Why", "--step=Integration.Sum");
        Assert.Contains($"{Sum}: maybe (downstream of {Sq}[item_1], which is maybe)", why.Output);
        Assert.Contains($"    upstream {Gen}[item_1]: gen.sign: 1 → -1", why.Output);

        var dry = _cake.Run("--dryrun");
        Assert.Contains($"{Gen}[item_2]: would run (gen.sign: 1 → -1)", dry.Output);
        Assert.Empty(dry.Ran);
        Assert.Equal("4\n", _cake.Repo.Read("artifacts/smoke/gen/item_2.txt"));

        var forced = _cake.Run("--force=Integration.Report");
        Assert.Equal([$"{Gen}[item_1]", $"{Gen}[item_2]", $"{Gen}[item_3]", $"{Sq}[item_1]", $"{Sq}[item_2]", $"{Sq}[item_3]", Report], forced.Ran);

        var dag = _cake.Run("--target=Dag");
        Assert.Contains("Integration.Sum (1 unit) <- Integration.Square", dag.Output);
        Assert.Contains("    Integration_Square --> Integration_Sum", dag.Output);

        Assert.Equal(0, _cake.Run("--target=Clean").ExitCode);
        Assert.False(Directory.Exists(_cake.Repo.PathOf("artifacts/smoke/gen")));
        Assert.Equal(8, _cake.Run().Ran.Count);
    }
}
