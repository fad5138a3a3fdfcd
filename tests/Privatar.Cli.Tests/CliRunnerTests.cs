using Xunit;

namespace Privatar.Cli.Tests;

/// <summary>The `privatar` command as a user meets it: versions, env, and errors.</summary>
public sealed class CliRunnerTests
{
    [Fact]
    public void Should_Print_The_Product_Version()
    {
        var r = CliProcess.Run("--version");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("0.1.0", r.Stdout.Trim());
    }

    [Fact]
    public void Should_Report_TorchSharp_On_Cpu_And_The_Compat_Fix_In_Env()
    {
        var r = CliProcess.Run("env", "--threads", "1");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("0.107.0", r.Stdout);
        Assert.Contains("cpu", r.Stdout);
        Assert.DoesNotContain("MISSING", r.Stdout);
        Assert.Matches(@"compat fix\s*│\s*(applied|not needed)", r.Stdout);
    }

    [Fact]
    public void Should_Exit_2_With_One_Line_Naming_The_Bad_Value()
    {
        var r = CliProcess.Run("env", "--device", "tpu");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("error: device: expected 'cpu', 'cuda' or 'cuda:N', got 'tpu'", r.Stderr);
        Assert.DoesNotContain("   at ", r.Stderr);   // no stack trace
    }

    [Fact]
    public void Should_Reject_An_Unknown_Verb()
    {
        var r = CliProcess.Run("no-such-verb");
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("no-such-verb", r.Stderr + r.Stdout);
    }
}
