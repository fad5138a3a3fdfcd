using Xunit;

namespace Privatar.Cli.Tests.Commands;

/// <summary>
/// Verbs run by hand on damaged or missing files: one line naming the file and what was expected, exit 2, no stack
/// trace, and the files already there untouched. No verb writes where it was not told to.
/// </summary>
public sealed class FileErrorTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "privatar-cli-files-" + Guid.NewGuid().ToString("N"));
    string Subject => Path.Combine(_root, "subject");
    string Untrained => Path.Combine(_root, "untrained");

    public FileErrorTests()
    {
        Ok("data", "generate", "--root", Subject, "--texture-size", "64", "--photo-width", "64", "--photo-height", "96",
           "--mesh-rows", "16", "--mesh-cols", "20", "--expressions", "4", "--frames-per-expression", "2", "--rom-frames", "4", "--cameras", "3",
           "--seed", "20180227", "--threads", "0");
        Ok("vae", "init", "--profile", "smoke", "--data", Subject, "--out", Untrained, "--seed", "7", "--threads", "1");
    }

    static void Ok(params string[] args)
    {
        var r = CliProcess.Run(args);
        Assert.True(r.ExitCode == 0, $"privatar {string.Join(' ', args)} exited {r.ExitCode}: {r.Stderr}");
    }

    static void AssertNamed(CliProcess.Result r, string file, string expected)
    {
        Assert.Equal(CliRunner.UserError, r.ExitCode);
        Assert.Contains(file, r.Stderr);
        Assert.Contains(expected, r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);   // no stack trace
    }

    Dictionary<string, string> Snapshot() => Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)
        .ToDictionary(f => f, f => Convert.ToHexString(File.ReadAllBytes(f)));

    CliProcess.Result Test(string ckptDir, params string[] extra) => CliProcess.Run(
        ["vae", "test", "--data", Subject, "--checkpoint-dir", ckptDir, "--out", Path.Combine(_root, "test"), "--batches", "1", "--batch-size", "2", "--threads", "1", "--profile", "smoke", .. extra]);

    [Fact]
    public void Should_Name_A_Truncated_Checkpoint()
    {
        var ckpt = Path.Combine(Untrained, "best_model.pt");
        var bytes = File.ReadAllBytes(ckpt);
        File.WriteAllBytes(ckpt, bytes[..(bytes.Length / 2)]);
        var before = Snapshot();

        AssertNamed(Test(Untrained), ckpt, "not a complete TorchSharp checkpoint");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Should_Name_A_Corrupt_Checkpoint_Description()
    {
        var json = Path.Combine(Untrained, "checkpoint.json");
        File.WriteAllText(json, "{ \"variant\": ");
        var before = Snapshot();

        AssertNamed(Test(Untrained), json, "not a checkpoint description");
        Assert.Equal(before, Snapshot());
    }

    [Fact]
    public void Should_Fail_On_A_Missing_Texture_Unless_Allowed_And_Then_Count_It()
    {
        var texture = Directory.EnumerateFiles(Path.Combine(Subject, "unwrapped_uv_1024"), "*.png", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/average/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).First();
        File.Delete(texture);
        var before = Snapshot();

        AssertNamed(CliProcess.Run("data", "inspect", Subject, "--sheet", Path.Combine(_root, "sheet.png")), texture, "--allow-missing-samples");
        Assert.Equal(before, Snapshot());

        var allowed = CliProcess.Run("data", "inspect", Subject, "--sheet", Path.Combine(_root, "sheet.png"), "--allow-missing-samples");
        Assert.Equal(0, allowed.ExitCode);
        Assert.Contains("skipped 1 sample(s) whose texture is missing", allowed.Stderr);
    }

    [Fact]
    public void Should_Name_A_Bad_Npy_File()
    {
        var npy = Path.Combine(_root, "bad.npy");
        File.WriteAllText(npy, "not numpy");

        var r = CliProcess.Run("noise", "pac", "--latents", npy, "--mi", "1", "--fidelity", "corrected", "--out", Path.Combine(_root, "noise.npy"));

        Assert.Equal(CliRunner.UserError, r.ExitCode);
        Assert.Contains(npy, r.Stderr);
        Assert.Contains("is not a .npy file", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);
        Assert.False(File.Exists(Path.Combine(_root, "noise.npy")));
    }

    [Fact]
    public void Should_Not_Fetch_Into_The_Current_Directory_Without_Being_Told_Where()
    {
        var r = CliProcess.Run("mnist", "fetch");
        var noOut = CliProcess.Run("mnist", "fetch", "--cache", Path.Combine(_root, "cache"));

        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("--cache", r.Stderr + r.Stdout);
        Assert.NotEqual(0, noOut.ExitCode);
        Assert.Contains("--out", noOut.Stderr + noOut.Stdout);
        Assert.False(Directory.Exists(Path.Combine(_root, "cache")));
        Assert.False(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "artifacts")));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
