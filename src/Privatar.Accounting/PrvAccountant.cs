namespace Privatar.Accounting;

/// <summary>
/// PRV accountant (Gopi, Lee, Wutschitz 2021; Opacus's "prv"): discretises each step's privacy-loss
/// distribution on a common grid, composes all steps by FFT and reads ε(δ) off the result with explicit
/// error bounds. The domain half-width and mesh follow the paper's Remark 5.6 as Opacus does:
/// L = max(ε_RDP(all steps, δ_err/4), max_i ε_RDP(one step i, δ_err/(8·T))), then max(L, ε_err) + 3, and
/// dt = ε_err / sqrt(T·log(12/δ_err)/2).
/// </summary>
public sealed class PrvAccountant(double epsError = 0.01, double? deltaError = null, int maxDomainSize = PrvDomain.DefaultMaxSize)
    : PrivacyAccountantBase
{
    /// <summary>Allowed error in ε (added to the upper bound).</summary>
    public double EpsError { get; } = epsError > 0 ? epsError : throw new ArgumentOutOfRangeException(nameof(epsError), epsError, "ε error must be > 0.");

    /// <summary>Allowed error in δ; null means δ/1000 at each query, as in Opacus.</summary>
    public double? DeltaError { get; } = deltaError is null or > 0 ? deltaError : throw new ArgumentOutOfRangeException(nameof(deltaError), deltaError, "δ error must be > 0.");

    /// <summary>Upper bound on ε (the guarantee).</summary>
    public override double GetEpsilon(double delta) => GetEpsilonBounds(delta).Upper;

    /// <summary>Lower bound, estimate and upper bound on ε at <paramref name="delta"/>.</summary>
    public PrvEpsilon GetEpsilonBounds(double delta)
    {
        CheckDelta(delta);
        if (History.Count == 0 || History.All(h => h.SampleRate == 0)) return new PrvEpsilon(0, 0, 0);
        if (History.Any(h => h.NoiseMultiplier == 0 && h.SampleRate > 0))
            return new PrvEpsilon(double.PositiveInfinity, double.PositiveInfinity, double.PositiveInfinity);
        double deltaError = DeltaError ?? delta / 1000;
        if (!(deltaError < delta)) throw new ArgumentOutOfRangeException(nameof(delta), delta, $"δ must exceed the δ error {deltaError:G3}.");
        var composed = Compose(deltaError);
        return PrvEpsilonSolver.Solve(composed, delta, deltaError, EpsError);
    }

    /// <summary>The composed discrete PRV of the whole history at the given δ error.</summary>
    public DiscretePrv Compose(double deltaError)
    {
        var steps = History.Where(h => h.SampleRate > 0).ToList();
        long total = steps.Sum(h => h.Steps);
        var domain = PrvDomain.CreateAligned(SafeHalfWidth(steps, total, deltaError), MeshSize(total, deltaError), maxDomainSize);
        var parts = steps.Select(h => (DiscretePrv.Discretise(new SubsampledGaussianPrv(h.SampleRate, h.NoiseMultiplier), domain), h.Steps)).ToList();
        return DiscretePrv.Compose(parts);
    }

    double MeshSize(long totalSteps, double deltaError) => EpsError / Math.Sqrt(totalSteps * Math.Log(12 / deltaError) / 2);

    double SafeHalfWidth(IReadOnlyList<MechanismSteps> steps, long total, double deltaError)
    {
        var all = new RdpAccountant();
        foreach (var h in steps) all.Step(h.NoiseMultiplier, h.SampleRate, h.Steps);
        double l = all.GetEpsilon(deltaError / 4);
        foreach (var h in steps)
        {
            var one = new RdpAccountant();
            one.Step(h.NoiseMultiplier, h.SampleRate, 1);
            l = Math.Max(l, one.GetEpsilon(deltaError / (8.0 * total)));
        }
        return Math.Max(l, EpsError) + 3;
    }
}
