using Privatar.Noise;

namespace Privatar.Contracts;

/// <summary>Which attack a noise choice is for: the two read different noise files under fidelity original.</summary>
public enum AttackKind { Empirical, Nn }

/// <summary>The noise files an attack reads: one function for the Attack step's inputs and the attack verb's reads.</summary>
public static class AttackInputs
{
    /// <summary>
    /// The latent whose noise file a run reads: the empirical attack under <c>original</c> injects the partition's
    /// <i>local</i>-branch file on z_offload, as launch_empirical_attack.py does; every other case (empirical corrected,
    /// and the NN attack under both fidelities, whose test script reads the offloaded file) the offloaded-branch file.
    /// </summary>
    public static NoiseTarget TargetFor(AttackKind attack, NoiseFidelity fidelity, int offloaded) =>
        attack == AttackKind.Empirical && fidelity == NoiseFidelity.Original ? NoiseTarget.Local(offloaded) : NoiseTarget.Offloaded(offloaded);

    /// <summary>Relative file names (inside noise/&lt;fidelity&gt;/) a run with this noise reads.</summary>
    public static IReadOnlyList<string> Files(AttackKind attack, NoiseFidelity fidelity, NoiseKind kind, int offloaded, double mi) =>
        NoiseFileNames.TransformFiles(kind, TargetFor(attack, fidelity, offloaded), mi, fidelity);
}
