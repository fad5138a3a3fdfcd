using Privatar.Contracts;
using Privatar.Noise;
using Privatar.Results;

namespace Privatar.Attacks;

/// <summary>One attack outcome as an attacks.csv row, with its Clopper–Pearson 95% interval and the prior 1/K.</summary>
public static class AttackRows
{
    public static AttackRow Make(AttackKind attack, string referenceMode, int n, string mechanism, NoiseFidelity fidelity, double? mi,
        bool adaptive, int classes, long trials, long successes) =>
        Make(attack == AttackKind.Empirical ? "empirical" : "nn", referenceMode, n, mechanism, fidelity, mi, adaptive, classes, trials, successes);

    /// <summary>A ceiling row (<see cref="AttackCeiling"/>): no noise, every frame a trial.</summary>
    public static AttackRow Ceiling(string referenceMode, int n, NoiseFidelity fidelity, int classes, long successes) =>
        Make(Vocabulary.AttackCeiling, referenceMode, n, Name(null), fidelity, null, false, classes, classes, successes);

    static AttackRow Make(string attack, string referenceMode, int n, string mechanism, NoiseFidelity fidelity, double? mi,
        bool adaptive, int classes, long trials, long successes)
    {
        var ci = BinomialInterval.ClopperPearson(successes, trials);
        var row = new AttackRow
        {
            Attack = attack, ReferenceMode = referenceMode, Variant = "partition", N = n,
            Mechanism = mechanism, Fidelity = fidelity.Name(), Mi = mi, Adaptive = adaptive, Classes = classes, Trials = trials,
            Successes = successes, Psr = successes / (double)trials, CiLow = ci.Low, CiHigh = ci.High, CiMethod = BinomialInterval.Method95,
            Prior = 1.0 / classes,
        };
        var problems = row.Problems().ToList();
        if (problems.Count > 0) throw new InvalidOperationException($"attack row: {string.Join("; ", problems)}");
        return row;
    }

    /// <summary>"none" without an MI bound, else "dp" and "pac".</summary>
    public static IReadOnlyList<NoiseKind?> Mechanisms(double? mi) => mi is null ? [null] : [NoiseKind.Dp, NoiseKind.Pac];

    public static string Name(NoiseKind? kind) => kind switch { null => "none", NoiseKind.Dp => "dp", _ => "pac" };
}

/// <summary>Integer seeds for the attacks' random streams: <see cref="Privatar.Core.SeedStreams"/> under the "attack" purpose, one unit per stream.</summary>
public static class Seeds
{
    public static int Derive(long root, string stream) => Privatar.Core.SeedStreams.DeriveInt32(root, Privatar.Core.SeedPurpose.Attack, stream);
}
