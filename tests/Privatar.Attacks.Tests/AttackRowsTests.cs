using Privatar.Contracts;
using Privatar.Attacks;
using Privatar.Noise;
using Xunit;

namespace Privatar.Attacks.Tests;

public class AttackRowsTests
{
    [Fact]
    public void Seeds_are_the_attack_streams_of_the_shared_derivation_so_they_never_change_between_runs()
    {
        // SHA-256 of (int64 LE root, int32 LE length + "attack", int32 LE length + stream), first 8 bytes LE, low 31 bits
        // (computed independently with python's hashlib).
        Assert.Equal(1108603008, Seeds.Derive(1234, "nn-init"));
        Assert.Equal(788760558, Seeds.Derive(1234, "empirical-latent"));
        Assert.Equal(1953229113, Seeds.Derive(1235, "nn-init"));
    }

    [Fact]
    public void A_row_carries_its_interval_and_the_prior()
    {
        var r = AttackRows.Make(AttackKind.Nn, "none", 14, "pac", NoiseFidelity.Original, 1, true, 65, 65, 1);
        Assert.Equal(("nn", "partition", 14, "pac", "original", true), (r.Attack, r.Variant, r.N!.Value, r.Mechanism, r.Fidelity, r.Adaptive));
        Assert.Equal(1.0 / 65, r.Psr, 12);
        Assert.Equal(1.0 / 65, r.Prior, 12);
        Assert.Equal(BinomialInterval.ClopperPearson(1, 65), new Interval(r.CiLow, r.CiHigh));
        Assert.Equal("clopper_pearson_95", r.CiMethod);
    }

    [Fact]
    public void A_noisy_row_without_an_mi_bound_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => AttackRows.Make(AttackKind.Empirical, "ambiguity_merge", 2, "dp", NoiseFidelity.Corrected, null, false, 4, 4, 1));
        Assert.Contains("'mi'", e.Message);
    }
}
