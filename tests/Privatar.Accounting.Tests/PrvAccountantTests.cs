using MathNet.Numerics;
using MathNet.Numerics.RootFinding;
using Privatar.Accounting;
using Xunit;

namespace Privatar.Accounting.Tests;

/// <summary>PRV accountant against microsoft/prv_accountant reference values, closed forms and the RDP bound.</summary>
public class PrvAccountantTests
{
    static PrvAccountant Run(double sigma, double q, long steps)
    {
        var acc = new PrvAccountant();
        acc.Step(sigma, q, steps);
        return acc;
    }

    /// <summary>
    /// Every row of opacus/tests/prv_accountant.py (values "computed from microsoft/prv_accountant"), δ = 1e-6, default
    /// ε error 0.01 and δ error δ/1000: the reported (upper-bound) ε must match to 5 decimals, as there. The rows with
    /// ε 14-291 at 20k-50k steps need grids of 2^23-2^26 points, which the old 2^22 cap refused. Where ε &gt; 5 the
    /// tolerance is 1e-6 relative (7 significant digits): on those grids we land 1-2e-7 relative from the table
    /// (ε 73, 140, 291 differ by 1.6e-5, 1.5e-5, 5.6e-5), the round-off of a 2^26-point FFT and tail sums.
    /// </summary>
    [Theory]
    [InlineData(0.8, 0.001, 100, 0.270403364058018680360362395731)]
    [InlineData(1.5, 0.001, 100, 0.0393694193095203287535710501288)]
    [InlineData(2.0, 0.001, 100, 0.0291045369484074882560076247273)]
    [InlineData(3.0, 0.001, 100, 0.0215200934390882663016508757892)]
    [InlineData(0.8, 0.05, 100, 6.74105193941409996938318727189)]
    [InlineData(1.5, 0.05, 100, 1.95385313568420015961635272106)]
    [InlineData(2.0, 0.05, 100, 1.28363737962406521120328761754)]
    [InlineData(3.0, 0.05, 100, 0.767933789666825572517439013609)]
    [InlineData(0.8, 0.2, 100, 24.3336641779225644199868838768)]
    [InlineData(1.5, 0.2, 100, 8.49897785912163072907787864096)]
    [InlineData(2.0, 0.2, 100, 5.67205560882372950004537415225)]
    [InlineData(3.0, 0.2, 100, 3.38122051022184422208738396876)]
    [InlineData(0.8, 0.001, 1000, 0.477771266184522591657923840103)]
    [InlineData(1.5, 0.001, 1000, 0.0998206602308474855167474970585)]
    [InlineData(2.0, 0.001, 1000, 0.0712187825381152272985474382949)]
    [InlineData(3.0, 0.001, 1000, 0.0476159308713589302097801692071)]
    [InlineData(0.8, 0.05, 1000, 19.5258428053837356230815203162)]
    [InlineData(1.5, 0.05, 1000, 6.20996924657726712126759593957)]
    [InlineData(2.0, 0.05, 1000, 4.17279986668931890392286732094)]
    [InlineData(3.0, 0.05, 1000, 2.52757432605973830774814814504)]
    [InlineData(0.8, 0.001, 20000, 1.29600925757016161021795142005)]
    [InlineData(1.5, 0.001, 20000, 0.437005108654860807693154356457)]
    [InlineData(2.0, 0.001, 20000, 0.305837939762453436820521801565)]
    [InlineData(3.0, 0.001, 20000, 0.194031030686054706269061398416)]
    [InlineData(1.5, 0.05, 20000, 38.3066179140872336006395926233)]
    [InlineData(2.0, 0.05, 20000, 24.4217185703225858617315680021)]
    [InlineData(3.0, 0.05, 20000, 13.9611146992367061159256991232)]
    [InlineData(0.8, 0.001, 50000, 2.03451480771586634688219419331)]
    [InlineData(1.5, 0.001, 50000, 0.704218384555810095193351116905)]
    [InlineData(2.0, 0.001, 50000, 0.491354910211401318953505779064)]
    [InlineData(3.0, 0.001, 50000, 0.309694161156544023327796821832)]
    [InlineData(0.8, 0.001, 100000, 2.92462211935041027643933375657)]
    [InlineData(1.5, 0.001, 100000, 1.01528807502760787251361307426)]
    [InlineData(2.0, 0.001, 100000, 0.706719901081851564761393547087)]
    [InlineData(3.0, 0.001, 100000, 0.443671720880875475323534828931)]
    public void OpacusPrvTestTable(double sigma, double q, long steps, double expected)
    {
        var acc = Run(sigma, q, steps);
        Assert.Equal(expected, acc.GetEpsilon(1e-6), Math.Max(5e-6, 1e-6 * expected));
        Assert.Null(acc.Fallback);
    }

    /// <summary>
    /// The table's five rows whose grids need 2^25-2^26 points (ε 25-291 at q 0.05 over 20k-50k steps). They cost about
    /// 8 of the table's 9.5 minutes on the shared 2-core machine at load ~12 (σ 0.8 over 50k steps alone ~5 min: a 2^26-point grid is
    /// 67M PRV cells to discretise and a 1 GB complex FFT to compose), and no cheaper route reaches them: a smaller grid
    /// truncates the privacy-loss tail those ε's live in, and the RDP fallback answers a different (looser) number.
    /// They are what shows the grid cap is gone, so they stay in the suite; <c>--filter "Cost!=minutes"</c> skips them
    /// for a quick local run.
    /// </summary>
    [Theory]
    [Trait("Cost", "minutes")]
    [InlineData(0.8, 0.05, 20000, 140.655209760074228597659384832)]
    [InlineData(0.8, 0.05, 50000, 291.384325452396524269715882838)]
    [InlineData(1.5, 0.05, 50000, 73.1901767238329625797632616013)]
    [InlineData(2.0, 0.05, 50000, 45.2369958613306906158868514467)]
    [InlineData(3.0, 0.05, 50000, 24.9420056431444763234139827546)]
    public void OpacusPrvTestTableLargeGrids(double sigma, double q, long steps, double expected) =>
        OpacusPrvTestTable(sigma, q, steps, expected);

    [Fact]
    public void SharedNotesRowNineAcrossAccountants()
    {
        // dp-and-generative.md §G: "row 9: 3.01 classic, 2.60 Opacus RDP, 2.39 PRV". The row's settings are not
        // in our copy of §B.4; σ 1.1, q 256/60000, 60 epochs (14062 steps), δ 1e-5 reproduces all three.
        var classic = new RdpAccountant(RdpConversion.Classic);
        classic.Step(1.1, 256 / 60000.0, 14062);
        var improved = new RdpAccountant();
        improved.Step(1.1, 256 / 60000.0, 14062);
        Assert.Equal(3.01, Math.Round(classic.GetEpsilon(1e-5), 2));
        Assert.Equal(2.60, Math.Round(improved.GetEpsilon(1e-5), 2));
        Assert.Equal(2.39, Math.Round(Run(1.1, 256 / 60000.0, 14062).GetEpsilon(1e-5), 2));
    }

    /// <summary>Exact δ(ε) of a μ-GDP mechanism (the composition of full-batch Gaussian mechanisms).</summary>
    static double GaussianDelta(double eps, double mu) =>
        Phi(-eps / mu + mu / 2) - Math.Exp(eps) * Phi(-eps / mu - mu / 2);

    static double Phi(double x) => 0.5 * SpecialFunctions.Erfc(-x / Math.Sqrt(2));

    [Fact]
    public void BoundsContainTheExactGaussianComposition()
    {
        // q = 1, σ = 10, 100 steps is 1-GDP; heterogeneous σ 10 ×50 then σ 5 ×50 is √2.5-GDP.
        foreach (var (history, mu) in new (MechanismSteps[], double)[]
                 {
                     ([new(10.0, 1.0, 100)], 1.0),
                     ([new(10.0, 1.0, 50), new(5.0, 1.0, 50)], Math.Sqrt(50 / 100.0 + 50 / 25.0)),
                 })
        {
            var acc = new PrvAccountant();
            foreach (var h in history) acc.Step(h.NoiseMultiplier, h.SampleRate, h.Steps);
            double exact = Brent.FindRoot(e => GaussianDelta(e, mu) - 1e-5, 0, 50, 1e-12);
            var b = acc.GetEpsilonBounds(1e-5);
            Assert.InRange(exact, b.Lower, b.Upper);
            Assert.Equal(exact, b.Estimate, 2e-3);
        }
    }

    /// <summary>RDP is an upper bound, loose by a few percent for ε of a few units and by far more for small ε.</summary>
    [Theory]
    [InlineData(1.5, 0.05, 1000, 0.85)]
    [InlineData(1.0, 0.01, 1000, 0.6)]
    [InlineData(0.8, 0.001, 1000, 0.2)]
    public void PrvIsTighterThanRdp(double sigma, double q, long steps, double minRatio)
    {
        double prv = Run(sigma, q, steps).GetEpsilon(1e-5);
        var rdp = new RdpAccountant();
        rdp.Step(sigma, q, steps);
        double rdpEps = rdp.GetEpsilon(1e-5);
        Assert.True(prv < rdpEps, $"PRV {prv} should be below RDP {rdpEps}");
        Assert.True(prv > minRatio * rdpEps, $"PRV {prv} implausibly far below RDP {rdpEps}");
    }

    [Fact]
    public void PrvDistributionIsConsistent()
    {
        var prv = new SubsampledGaussianPrv(0.05, 1.2);
        foreach (var t in new[] { -0.04, 0.0, 0.3, 2.0 })
            Assert.Equal(1.0, prv.Cdf(t) + prv.Survival(t), 14);
        Assert.Equal(0, prv.Cdf(Math.Log(0.95) - 1e-9));
        // For q = 1 the loss is N(1/(2σ²), 1/σ²): its mean is 1/(2σ²).
        Assert.Equal(0.125, new SubsampledGaussianPrv(1.0, 2.0).TruncatedMean(-50, 50), 1e-10);
        // Mass is additive over adjacent cells.
        Assert.Equal(prv.Mass(-0.01, 0.02), prv.Mass(-0.01, 0.0) + prv.Mass(0.0, 0.02), 15);
    }

    [Fact]
    public void DiscretisedPmfSumsToOneAndKeepsTheMean()
    {
        var prv = new SubsampledGaussianPrv(0.05, 1.2);
        var domain = PrvDomain.CreateAligned(5, 1e-3);
        Assert.Equal(0, domain.Size & (domain.Size - 1)); // power of two
        Assert.Equal(0, Math.IEEERemainder(domain.TMin, domain.Dt), 12);
        var d = DiscretePrv.Discretise(prv, domain);
        Assert.Equal(1.0, d.Pmf.Sum(), 12);
        double mean = Enumerable.Range(0, domain.Size).Sum(k => d.Loss(k) * d.Pmf[k]);
        Assert.Equal(prv.TruncatedMean(domain.TMin, domain.TMax), mean, 12);
    }

    [Fact]
    public void HistoryMergesAndEmptyHistoryIsFree()
    {
        var a = new PrvAccountant();
        for (int i = 0; i < 100; i++) a.Step(1.5, 0.05);
        Assert.Single(a.History);
        Assert.Equal(Run(1.5, 0.05, 100).GetEpsilon(1e-5), a.GetEpsilon(1e-5), 12);
        Assert.Equal(0, new PrvAccountant().GetEpsilon(1e-5));
    }

    [Fact]
    public void BeyondTheCapTheRdpBoundIsReportedWithAWarningNamingTheCase()
    {
        // The study's σ = 0.1 over 37500 steps: ε ≈ 1e4 would need a 1e9-point grid.
        var warnings = new List<string>();
        var acc = new PrvAccountant { Warn = warnings.Add };
        acc.Step(0.1, 1 / 3750.0, 37500);
        var rdp = new RdpAccountant();
        rdp.Step(0.1, 1 / 3750.0, 37500);
        Assert.Equal(rdp.GetEpsilon(1e-5), acc.GetEpsilon(1e-5));
        Assert.Contains("σ 0.1, q 0.000266667, 37500 steps", Assert.Single(warnings));
        Assert.Contains("RDP", acc.Fallback);
        // Without the fallback it is refused, naming the cap.
        var strict = new PrvAccountant(maxDomainSize: PrvDomain.SearchMaxSize, rdpFallback: false);
        strict.Step(0.1, 1 / 3750.0, 37500);
        Assert.Contains("cap", Assert.Throws<PrvDomainTooLargeException>(() => strict.GetEpsilon(1e-5)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Run(1.0, 0.01, 10).GetEpsilon(1.5));
    }
}
