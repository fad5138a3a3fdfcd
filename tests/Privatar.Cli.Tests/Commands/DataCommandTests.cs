using Xunit;

namespace Privatar.Cli.Tests.Commands;

/// <summary><c>privatar data generate</c> on its contract: by hand, <c>--profile smoke</c> writes the subject the smoke build writes.</summary>
public sealed class DataCommandTests : IDisposable
{
    readonly string _root = Path.Combine(Path.GetTempPath(), "privatar-data-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_Smoke_Profile_Gives_The_Same_Subject_As_Its_Data_Keys_Spelled_Out()
    {
        var byProfile = Generate("profile", "--profile", "smoke");
        // cake.config [profile.smoke] data.*, and [data] seed; threads change nothing
        var spelled = Generate("spelled", "--seed", "20180227", "--texture-size", "64", "--photo-width", "64", "--photo-height", "96", "--mesh-rows", "16",
            "--mesh-cols", "20", "--expressions", "4", "--frames-per-expression", "2", "--rom-frames", "4", "--cameras", "3", "--threads", "1");
        Assert.Contains("12 frames x 3 cameras", Flat(byProfile));
        Assert.Equal(Files("profile"), Files("spelled"));
        Assert.Contains("12 frames x 3 cameras", Flat(spelled));
    }

    [Fact]
    public void An_Explicit_Option_Wins_And_A_Missing_Setting_Names_Its_Key()
    {
        Assert.Contains("12 frames x 2 cameras", Flat(Generate("two", "--profile", "smoke", "--cameras", "2")));
        var missing = CliProcess.Run("data", "generate", "--root", Path.Combine(_root, "none"), "--cameras", "2");
        Assert.NotEqual(0, missing.ExitCode);
        Assert.Contains("data.seed", missing.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_root, "none")));
    }

    CliProcess.Result Generate(string name, params string[] options)
    {
        var r = CliProcess.Run(["data", "generate", "--root", Path.Combine(_root, name), .. options]);
        Assert.True(r.ExitCode == 0, r.Stderr + r.Stdout);
        return r;
    }

    /// <summary>The output with the console's line wrapping undone.</summary>
    static string Flat(CliProcess.Result r) => System.Text.RegularExpressions.Regex.Replace(r.Stdout, @"\s+", " ");

    Dictionary<string, string> Files(string name)
    {
        var dir = Path.Combine(_root, name);
        return Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(dir, f), f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f))));
    }

    public void Dispose()
    {
        try { Directory.Delete(_root, recursive: true); } catch (IOException) { }
    }
}
