using Privatar.Contracts;
using Privatar.Noise;
using Privatar.Steps;
using Xunit;

namespace Privatar.Attacks.Tests;

public class AttackStepTests
{
    [Fact]
    public void A_unit_declares_the_noise_files_both_attacks_read_and_none_without_a_bound()
    {
        var paths = new ArtifactPaths("artifacts/smoke");
        foreach (var fidelity in new[] { NoiseFidelity.Original, NoiseFidelity.Corrected })
            foreach (var n in new[] { 2, 8, 14 })
            {
                var declared = AttackStep.NoiseInputs(paths, n, [fidelity], 0.1).ToHashSet();
                var read = new[] { AttackKind.Empirical, AttackKind.Nn }.SelectMany(a => new[] { NoiseKind.Dp, NoiseKind.Pac }
                    .SelectMany(k => AttackInputs.Files(a, fidelity, k, n, 0.1)))
                    .Select(f => paths.NoiseFile(fidelity, f)).ToHashSet();
                Assert.Equal(read, declared);
                Assert.Empty(AttackStep.NoiseInputs(paths, n, [fidelity], null));
            }
    }

    [Fact]
    public void Only_the_original_empirical_attack_reads_the_local_branch_file()
    {
        Assert.Equal(NoiseTarget.Local(8), AttackInputs.TargetFor(AttackKind.Empirical, NoiseFidelity.Original, 8));
        Assert.Equal(NoiseTarget.Offloaded(8), AttackInputs.TargetFor(AttackKind.Empirical, NoiseFidelity.Corrected, 8));
        Assert.Equal(NoiseTarget.Offloaded(8), AttackInputs.TargetFor(AttackKind.Nn, NoiseFidelity.Original, 8));
    }
}
