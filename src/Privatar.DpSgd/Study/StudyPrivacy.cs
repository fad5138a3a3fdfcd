using Privatar.Accounting;
using Privatar.DpSgd.Runs;
using Privatar.DpSgd.Training;

namespace Privatar.DpSgd.Study;

/// <summary>
/// How the study reports privacy: one accountant and δ for every run. A DP-SGD run is <c>steps</c> compositions of the
/// Poisson-subsampled Gaussian (σ, q); a synthetic set adds the class-statistics release, a Gaussian mechanism run once
/// on the whole data (q = 1, one step, σ = its noise multiplier relative to its L2 sensitivity). The accountant composes
/// the history: RDP adds both curves at every order before converting to (ε, δ), PRV convolves both privacy-loss
/// distributions; neither adds ε's.
/// </summary>
public sealed record StudyPrivacy(double Delta, AccountantOptions Accountant)
{
    /// <summary>rdp or prv, as the result tables name it.</summary>
    public string Name => Accountant.Kind.ToString().ToLowerInvariant();

    /// <summary>The DP-SGD mechanism of a run after <paramref name="steps"/> steps; null for a non-private run.</summary>
    public static MechanismSteps? Training(RunSummary run, long steps) =>
        run.Dp is { } dp ? new MechanismSteps(dp.NoiseMultiplier, run.SampleRate, steps) : null;

    public static MechanismSteps Release(GaussianRelease r) => new(r.NoiseMultiplier, r.SampleRate, r.Steps);

    /// <summary>ε at δ of the composed history (0 for an empty one).</summary>
    public double Epsilon(IEnumerable<MechanismSteps> history)
    {
        var acc = Accountant.Create();
        foreach (var h in history) acc.Step(h.NoiseMultiplier, h.SampleRate, h.Steps);
        return acc.History.Count == 0 ? 0 : acc.GetEpsilon(Delta);
    }
}
