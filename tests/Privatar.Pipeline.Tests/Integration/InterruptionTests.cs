using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Integration;

/// <summary>Acceptance item 3: SIGKILL at several points, rerun, and compare with an uninterrupted build byte for byte.</summary>
[Collection("Cake")]
public sealed class InterruptionTests : IClassFixture<InterruptionTests.Reference>
{
    /// <summary>The outputs of one uninterrupted build, shared by every kill point.</summary>
    public sealed class Reference : IDisposable
    {
        readonly CakeScratch _cake = new();
        public SortedDictionary<string, string> Outputs { get; }

        public Reference()
        {
            var r = _cake.Run();
            if (r.ExitCode != 0) throw new InvalidOperationException(r.Output);
            Outputs = Products(_cake.Repo);
        }

        public void Dispose() => _cake.Dispose();
    }

    static SortedDictionary<string, string> Products(Scratch s) => s.Snapshot("artifacts/smoke", p => !p.Contains("/.pipeline/"));

    readonly Reference _reference;
    public InterruptionTests(Reference reference) => _reference = reference;

    [Theory]
    [InlineData("Integration.Gen[item_2]:before")]       // between two units of one step
    [InlineData("Integration.Gen[item_2]:mid")]          // half a file written in place, no temp+rename
    [InlineData("Integration.Gen[item_3]:after")]        // outputs complete, stamp not yet written
    [InlineData("Integration.Square[item_2]:after")]     // inside a subprocess (sh), its output renamed
    [InlineData("Integration.Sum[total]:after")]         // glob-input unit, outputs complete
    public void Should_End_In_The_Same_Bytes_After_A_Kill_And_A_Rerun(string killPoint)
    {
        using var cake = new CakeScratch();

        // Given a build SIGKILLed (with its whole process group) at the kill point
        var killed = cake.RunAndKillAt(killPoint);
        var unit = killPoint[..killPoint.LastIndexOf(':')];
        Assert.NotEqual(0, killed.ExitCode);

        // Then the interrupted unit has no stamp, and Status says so
        Assert.False(File.Exists(cake.Repo.PathOf($"artifacts/smoke/.pipeline/stamps/{unit.Replace('[', '/').TrimEnd(']')}.json")));
        var status = cake.Run("--target=Status");
        Assert.Equal("STALE", status.Status[unit]);

        // When the build is rerun
        var rerun = cake.Run();
        Assert.True(rerun.ExitCode == 0, rerun.Output);

        // Then it reran the interrupted unit, and ends in the reference bytes with every unit stamped
        Assert.Contains(unit, rerun.Ran);
        Assert.Equal(_reference.Outputs, Products(cake.Repo));
        Assert.Equal(8, Directory.GetFiles(cake.Repo.PathOf("artifacts/smoke/.pipeline/stamps"), "*.json", SearchOption.AllDirectories).Length);
    }
}
