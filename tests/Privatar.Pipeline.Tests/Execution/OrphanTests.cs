using Privatar.Pipeline.Reports;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;
using static Privatar.Pipeline.Tests.Fixtures.InProcessBuild;

namespace Privatar.Pipeline.Tests.Execution;

/// <summary>Outputs and stamps of units a config change removed: listed by Status, removed only by Clean --orphans.</summary>
public sealed class OrphanTests : IDisposable
{
    readonly Scratch _s = new Scratch().Seed();
    readonly FakeSteps _steps = new();
    public void Dispose() => _s.Dispose();

    [Fact]
    public void Should_List_Orphans_After_A_List_Shrinks_And_Remove_Only_Them_On_Clean_Orphans()
    {
        _s.SetConfig("items = 1, 2, 3", "items = 1, 2, 3, 4");
        Build(_s, _steps);
        _s.SetConfig("items = 1, 2, 3, 4", "items = 1, 2, 3");
        Build(_s, _steps);

        var p = Open(_s, _steps);
        var orphans = p.Orphans().Select(o => o.Path).ToList();
        Assert.Equal(
        [
            "artifacts/smoke/gen/item_4.txt", "artifacts/smoke/sq/item_4.txt",
            "artifacts/smoke/.pipeline/stamps/Integration.Gen/item_4.json", "artifacts/smoke/.pipeline/stamps/Integration.Square/item_4.json",
        ], orphans);
        Assert.Contains("4 file(s) in artifacts/smoke/ that no unit of the current plan declares (2 output(s), 2 stamp(s)", StatusReport.Format(p, p.Status()));
        p.Dispose();

        Build(_s, _steps);   // a build never removes them
        Assert.All(orphans, o => Assert.True(File.Exists(_s.PathOf(o)), o));
        var declared = _s.Snapshot("artifacts/smoke", f => !orphans.Contains(f) && !f.Contains("/.pipeline/"));

        using (var clean = Open(_s, _steps))
        {
            clean.CleanOrphans();
            Assert.Empty(clean.Orphans());
        }

        Assert.All(orphans, o => Assert.False(File.Exists(_s.PathOf(o)), o));
        Assert.Equal(declared, _s.Snapshot("artifacts/smoke", f => !f.Contains("/.pipeline/")));
        Assert.Empty(Build(_s, _steps));
    }
}
