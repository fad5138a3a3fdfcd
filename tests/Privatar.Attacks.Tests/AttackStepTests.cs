using Privatar.Attacks;
using Privatar.Noise;
using Privatar.Pipeline.Specs;
using Privatar.Steps;
using Xunit;

namespace Privatar.Attacks.Tests;

public class AttackStepTests
{
    [Theory]
    [InlineData("empirical", AttackKind.Empirical)]
    [InlineData("nn", AttackKind.Nn)]
    public void Declared_noise_inputs_are_exactly_the_files_the_attack_reads(string attack, AttackKind kind)
    {
        var ctx = new PlanContext("smoke", null!);   // NoiseInputs only builds paths
        foreach (var fidelity in new[] { NoiseFidelity.Original, NoiseFidelity.Corrected })
            foreach (var n in new[] { 2, 8, 14 })
            {
                var declared = AttackStep.NoiseInputs(ctx, attack, n, fidelity, 0.1).ToHashSet();
                var read = new[] { NoiseKind.Dp, NoiseKind.Pac }
                    .SelectMany(k => AttackNoise.Files(kind, fidelity, k, n, 0.1))
                    .Select(f => AvatarSteps.NoiseFile(ctx, fidelity.Name(), f)).ToHashSet();
                Assert.Equal(read, declared);
                Assert.Empty(AttackStep.NoiseInputs(ctx, attack, n, fidelity, null));
            }
    }

    [Fact]
    public void Only_the_original_empirical_attack_reads_the_local_branch_file()
    {
        Assert.Equal(NoiseTarget.Local(8), AttackNoise.TargetFor(AttackKind.Empirical, NoiseFidelity.Original, 8));
        Assert.Equal(NoiseTarget.Offloaded(8), AttackNoise.TargetFor(AttackKind.Empirical, NoiseFidelity.Corrected, 8));
        Assert.Equal(NoiseTarget.Offloaded(8), AttackNoise.TargetFor(AttackKind.Nn, NoiseFidelity.Original, 8));
    }
}
