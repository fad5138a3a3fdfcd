using Privatar.Accounting;

namespace Privatar.Generators.Tests;

public sealed class SyntheticSetTests
{
    static PrivacyRecord Record() => PrivacyRecord.Create("m", "d", 1, 1e-5, new AccountantOptions(),
        [new MechanismRecord("release", "replace-one", 5, 0.01, 1, 1)], GeneratorSeeds.Record(3, SeedPurpose.Release));

    [Fact]
    public void Should_Refuse_Pixels_Outside_The_Unit_Interval_And_Leave_The_Folder_Untouched()
    {
        var dir = Path.Combine(Path.GetTempPath(), "synthset-" + Guid.NewGuid());
        var set = new SyntheticSet(Enumerable.Repeat(1.5f, 4).ToArray(), [0], 2, 2);
        var e = Assert.Throws<InvalidDataException>(() => set.Write(dir, Record()));
        Assert.Contains("pixel 0 is 1.5", e.Message);
        Assert.False(Directory.Exists(dir));
    }

    [Fact]
    public void Should_Round_Trip_The_Privacy_Record_With_An_Infinite_Epsilon()
    {
        var leak = PrivacyRecord.Create("m", "d", 1, 1e-5, new AccountantOptions(),
            [new MechanismRecord("exact_stats", "add-remove", 0, 1, 1, 1)], GeneratorSeeds.Record(3));
        Assert.True(double.IsPositiveInfinity(leak.Epsilon));
        var path = Path.GetTempFileName();
        try
        {
            leak.Write(path);
            var back = PrivacyRecord.Read(path);
            Assert.Equal(leak.ToJson(), back.ToJson());
            Assert.Contains("\"epsilon\": \"Infinity\"", File.ReadAllText(path));
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Should_Derive_Distinct_Seeds_Per_Purpose_And_Root()
    {
        var seeds = from root in Enumerable.Range(0, 50)
                    from p in Enum.GetValues<SeedPurpose>()
                    select GeneratorSeeds.Derive((ulong)root, p);
        Assert.Equal(50 * Enum.GetValues<SeedPurpose>().Length, seeds.Distinct().Count());
        // The one derivation (Core SeedStreams) under generator/<purpose>, apart from every other purpose's stream.
        Assert.Equal((ulong)Privatar.Core.SeedStreams.Derive(3, "generator/release"), GeneratorSeeds.Derive(3, SeedPurpose.Release));
        var streams = Enum.GetValues<SeedPurpose>().Select(GeneratorSeeds.Stream).ToList();
        Assert.Empty(streams.Intersect(Privatar.Core.SeedPurpose.All));
        Assert.Equal(streams.Count, streams.Distinct().Count());
    }
}
