using Privatar.Accounting;
using Privatar.Core;

namespace Privatar.Generators.Tests;

public sealed class SyntheticSetTests
{
    static PrivacyRecord Record() => PrivacyRecord.Create("m", "d", 1, 1e-5, new AccountantOptions(),
        [new MechanismRecord("release", "replace-one", 5, 0.01, 1, 1)], GeneratorStreams.Record(3, "m", SeedPurpose.GeneratorRelease));

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
            [new MechanismRecord("exact_stats", "add-remove", 0, 1, 1, 1)], GeneratorStreams.Record(3, "m"));
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
    public void Should_Keep_Two_Methods_On_One_Root_On_Different_Streams()
    {
        Assert.NotEqual(GeneratorStreams.Derive(5, SeedPurpose.GeneratorInit, "dp-merf"), GeneratorStreams.Derive(5, SeedPurpose.GeneratorInit, "dp-cgan"));
        Assert.Equal((long)GeneratorStreams.Derive(5, SeedPurpose.GeneratorInit, "dp-merf"), SeedStreams.Derive(5, SeedPurpose.GeneratorInit, "dp-merf"));
    }
}
