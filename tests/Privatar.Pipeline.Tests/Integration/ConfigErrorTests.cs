using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Integration;

/// <summary>Acceptance item 5, and the safety checks, through real Cake runs: they stop before any unit runs.</summary>
[Collection("Cake")]
public sealed class ConfigErrorTests : IDisposable
{
    readonly CakeScratch _cake = new();
    public void Dispose() => _cake.Dispose();

    void AssertStopsBeforeWork(CakeResult r, string message)
    {
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(message, r.Output);
        Assert.Empty(r.Ran);
        Assert.False(Directory.Exists(_cake.Repo.PathOf("artifacts/smoke/gen")));
    }

    [Theory]
    [InlineData("scale = 2", "scale = 2.5", "cake.config:29: gen.scale = '2.5': expected an integer, e.g. 12.")]
    [InlineData("items = 1, 2, 3", "items =", "cake.config:28: gen.items = '': expected a non-empty comma-separated list of integers, e.g. 2, 4, 8.")]
    [InlineData("sign = 1", "sign = 1\nsigm = 1", "cake.config:31: [gen] sigm: unknown key; no step declares it")]
    [InlineData("runtime.threads = 1", "runtime.thread = 1", "cake.config:37: [profile.smoke] runtime.thread: unknown key")]
    public void Should_Stop_On_A_Malformed_Config_Naming_Key_And_Expected_Form(string line, string replacement, string message)
    {
        _cake.Repo.SetConfig(line, replacement);
        AssertStopsBeforeWork(_cake.Run(), message);
    }

    [Fact]
    public void Should_Stop_On_An_Unknown_Profile_Or_Override()
    {
        AssertStopsBeforeWork(_cake.Run("--profile=tiny"), "--profile=tiny: unknown profile; expected one of smoke, functional, full");
        AssertStopsBeforeWork(_cake.Run("--gen_scale=two"), "command line --gen_scale: gen.scale = 'two': expected an integer, e.g. 12.");
    }

    [Fact]
    public void Should_Refuse_A_Concurrent_Build_Of_The_Same_Profile()
    {
        using var held = Privatar.Pipeline.Execution.ProfileLock.Acquire(_cake.Repo.PathOf("artifacts/smoke/.pipeline/lock"), "smoke");
        AssertStopsBeforeWork(_cake.Run(), $"Another build of profile 'smoke' is running (pid {Environment.ProcessId}");
    }

    [Theory]
    [InlineData("param", "Integration.Report[report] reads parameter gen.scale, which it does not declare; add it to its Params.")]
    [InlineData("output", "Integration.Report[report] wrote undeclared outputs (strict mode): artifacts/smoke/report/extra.txt.")]
    public void Should_Fail_A_Unit_That_Breaks_Its_Declaration_In_Strict_Mode(string sneak, string message)
    {
        _cake.Env["PRIVATAR_IT_SNEAKY"] = sneak;
        var r = _cake.Run();
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains(message, r.Output);
        Assert.False(File.Exists(_cake.Repo.PathOf("artifacts/smoke/.pipeline/stamps/Integration.Report/report.json")));
    }
}
