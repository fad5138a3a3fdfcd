using Privatar.Pipeline.Hashing;
using Privatar.Pipeline.Planning;
using Privatar.Pipeline.Specs;
using Privatar.Pipeline.Stamps;
using Privatar.Pipeline.Tests.Fixtures;
using Xunit;

namespace Privatar.Pipeline.Tests.Planning;

/// <summary>Pins the code fingerprint, as DVC's test_meta_ignored does: what goes in, and what stays out.</summary>
public sealed class StepFingerprintTests : IDisposable
{
    readonly Scratch _s = new Scratch().Write("src/a.cs", "class A {}\n").Write("src/b.cs", "class B {}\n");
    public void Dispose() => _s.Dispose();

    string CodeHash(StepSpec step) =>
        new StalenessChecker(_s.Root, new FileHasher(_s.Root, _s.PathOf("h.tsv")), new StampStore(_s.PathOf("stamps"))).CodeHash(step).Hash;

    static StepSpec Step(string description, string salt = "1") =>
        new("Train", description) { Code = ["src/*.cs"], Salt = salt, Units = _ => [] };

    [Fact]
    public void Description_Is_Ignored()
    {
        Assert.Equal("386cd40b22dd4545523445ddf732dc7d", CodeHash(Step("first wording")));
        Assert.Equal(CodeHash(Step("first wording")), CodeHash(Step("other wording")));
    }

    [Fact]
    public void Salt_And_Content_Are_Included()
    {
        var baseline = CodeHash(Step("d"));
        Assert.NotEqual(baseline, CodeHash(Step("d", salt: "2")));
        _s.Write("src/b.cs", "class B { }\n");
        Assert.NotEqual(baseline, CodeHash(Step("d")));
    }
}
