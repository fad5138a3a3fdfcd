using Privatar.Pipeline.Execution;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Execution;

/// <summary>A lock held by another build is contention; a lock that cannot be created at all is an IO error naming the path and the OS error.</summary>
public sealed class ProfileLockTests : IDisposable
{
    readonly Scratch _s = new();
    public void Dispose() => _s.Dispose();

    [Fact]
    public void Should_Report_A_Held_Lock_As_Another_Build()
    {
        var path = _s.PathOf("artifacts/smoke/.pipeline/lock");
        using var held = ProfileLock.Acquire(path, "smoke");

        var e = Assert.Throws<PipelineLockedException>(() => ProfileLock.Acquire(path, "smoke"));

        Assert.Contains($"Another build of profile 'smoke' is running (pid {Environment.ProcessId}", e.Message);
    }

    [Fact]
    public void Should_Name_The_Path_And_The_OS_Error_When_The_Engine_Folder_Cannot_Be_Made()
    {
        _s.Write("artifacts/smoke/.pipeline", "a file where the engine's folder belongs");

        var e = Assert.Throws<PipelineLockIOException>(() => ProfileLock.Acquire(_s.PathOf("artifacts/smoke/.pipeline/lock"), "smoke"));

        Assert.Contains("Cannot lock profile 'smoke'", e.Message);
        Assert.Contains(_s.PathOf("artifacts/smoke/.pipeline"), e.Message);
        Assert.Contains("this is not another build running", e.Message);
        Assert.DoesNotContain("Another build", e.Message);
    }

    [Fact]
    public void Should_Name_The_Lock_When_It_Is_A_Folder()
    {
        Directory.CreateDirectory(_s.PathOf("artifacts/smoke/.pipeline/lock"));

        var e = Assert.Throws<PipelineLockIOException>(() => ProfileLock.Acquire(_s.PathOf("artifacts/smoke/.pipeline/lock"), "smoke"));

        Assert.Contains(_s.PathOf("artifacts/smoke/.pipeline/lock"), e.Message);
    }

    [Fact]
    public void Should_Not_Call_A_Read_Only_Tree_Another_Build()
    {
        if (OperatingSystem.IsWindows()) return;   // file modes are a Unix notion
        var engine = _s.PathOf("artifacts/smoke/.pipeline");
        Directory.CreateDirectory(engine);
        File.SetUnixFileMode(engine, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            // root ignores file modes: there the lock is taken, and the test only checks that no contention is reported
            var e = Record.Exception(() => ProfileLock.Acquire(Path.Combine(engine, "lock"), "smoke").Dispose());
            if (Environment.UserName == "root" && e is null) return;
            var io = Assert.IsType<PipelineLockIOException>(e);
            Assert.Contains(engine, io.Message);
        }
        finally { File.SetUnixFileMode(engine, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute); }
    }
}
