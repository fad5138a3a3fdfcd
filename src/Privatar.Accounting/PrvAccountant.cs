namespace Privatar.Accounting;

/// <summary>
/// PRV accountant (Gopi, Lee, Wutschitz 2021; Opacus's "prv"): discretises each step's privacy-loss
/// distribution on a common grid, composes all steps by FFT and reads ε(δ) off the result with explicit
/// error bounds. The domain half-width and mesh follow the paper's Remark 5.6 as Opacus does:
/// L = max(ε_RDP(all steps, δ_err/4), max_i ε_RDP(one step i, δ_err/(8·T))), then max(L, ε_err) + 3, and
/// dt = ε_err / sqrt(T·log(12/δ_err)/2).
/// A history whose grid would exceed <paramref name="maxDomainSize"/> (ε in the hundreds over 10⁵ steps and more) is
/// answered by the RDP accountant, a valid but looser upper bound, with a warning naming the case
/// (<see cref="Fallback"/>); with <paramref name="rdpFallback"/> false it throws <see cref="PrvDomainTooLargeException"/>.
/// </summary>
public sealed class PrvAccountant(double epsError = 0.01, double? deltaError = null, int maxDomainSize = PrvDomain.DefaultMaxSize,
    bool rdpFallback = true)
    : PrivacyAccountantBase
{
    /// <summary>Where fallback warnings go; standard error by default (a unit's log in the build).</summary>
    public Action<string> Warn { get; init; } = message => Console.Error.WriteLine(message);

    /// <summary>Why the last query was answered by RDP instead of PRV; null when PRV answered it.</summary>
    public string? Fallback { get; private set; }

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
        Fallback = null;
        DiscretePrv composed;
        try { composed = Compose(deltaError); }
        catch (PrvDomainTooLargeException e) when (rdpFallback)
        {
            var rdp = new RdpAccountant();
            foreach (var h in History) rdp.Step(h.NoiseMultiplier, h.SampleRate, h.Steps);
            double eps = rdp.GetEpsilon(delta);
            Fallback = $"PRV accountant: {Describe(History)} at δ = {delta:G3} is beyond the PRV grid cap; reporting the RDP upper bound ε = {eps:G6} instead. ({e.Message})";
            Warn("warning: " + Fallback);
            // RDP gives no lower bound beyond the trivial 0.
            return new PrvEpsilon(0, eps, eps);
        }
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

    static string Describe(IEnumerable<MechanismSteps> history) =>
        string.Join(" + ", history.Select(h => FormattableString.Invariant($"(σ {h.NoiseMultiplier:G6}, q {h.SampleRate:G6}, {h.Steps} steps)")));

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
