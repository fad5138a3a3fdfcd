using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Privatar.Accounting;

/// <summary>Lower bound, estimate and upper bound on ε for one δ (the upper bound is the guarantee).</summary>
public sealed record PrvEpsilon(double Lower, double Estimate, double Upper);

/// <summary>
/// A PRV discretised on <see cref="Domain"/>, whose grid point k sits at Domain[k] + <see cref="Shift"/>
/// (the shift makes the discrete mean equal the continuous one, as in Gopi et al.).
/// </summary>
public sealed class DiscretePrv(PrvDomain domain, double[] pmf, double shift)
{
    public PrvDomain Domain { get; } = domain;
    public double[] Pmf { get; } = pmf.Length == domain.Size ? pmf : throw new ArgumentException("pmf length must equal the domain size.", nameof(pmf));
    public double Shift { get; } = shift;

    public double Loss(int k) => Domain[k] + Shift;

    /// <summary>
    /// Discretises the PRV truncated to the domain: bin k holds the mass of its cell [t_k − dt/2, t_k + dt/2]
    /// clipped to [TMin, TMax], renormalised. Each cell edge is evaluated once, as a CDF below 0 and as a
    /// survival function above, so tail bins keep their relative precision.
    /// </summary>
    public static DiscretePrv Discretise(SubsampledGaussianPrv prv, PrvDomain domain)
    {
        double tMin = domain.TMin, tMax = domain.TMax, dt = domain.Dt;
        int n = domain.Size;
        var edgeValue = new double[n + 1];
        var edge = new double[n + 1];
        for (int k = 0; k <= n; k++)
        {
            edge[k] = Math.Clamp(domain.TMin + (k - 0.5) * dt, tMin, tMax);
            edgeValue[k] = edge[k] <= 0 ? prv.Cdf(edge[k]) : prv.Survival(edge[k]);
        }
        double cdf0 = prv.Cdf(0), sf0 = prv.Survival(0);
        double mass = prv.Cdf(tMax) - prv.Cdf(tMin);
        var pmf = new double[n];
        double meanDiscrete = 0;
        for (int k = 0; k < n; k++)
        {
            double m = edge[k + 1] <= 0 ? edgeValue[k + 1] - edgeValue[k]
                : edge[k] > 0 ? edgeValue[k] - edgeValue[k + 1]
                : (cdf0 - edgeValue[k]) + (sf0 - edgeValue[k + 1]);
            pmf[k] = m / mass;
            meanDiscrete += domain[k] * pmf[k];
        }
        double shift = prv.TruncatedMean(tMin, tMax) - meanDiscrete;
        if (Math.Abs(shift) >= dt / 2)
            throw new InvalidOperationException($"PRV discretisation: mean correction {shift:G3} is not below half the mesh {dt:G3}; the domain is too coarse.");
        return new DiscretePrv(domain, pmf, shift);
    }

    /// <summary>
    /// Composes the given PRVs, each with itself <c>count</c> times, by one FFT product: the circular
    /// convolution of all of them, rotated back so that index k again means Domain[k]. Wrap-around is
    /// negligible because the domain already covers the composed loss up to δ_error.
    /// </summary>
    public static DiscretePrv Compose(IReadOnlyList<(DiscretePrv Prv, long Count)> parts)
    {
        if (parts.Count == 0) throw new ArgumentException("nothing to compose.", nameof(parts));
        var domain = parts[0].Prv.Domain;
        int n = domain.Size;
        Complex[]? product = null;
        long total = 0;
        double shift = 0;
        foreach (var (prv, count) in parts)
        {
            if (prv.Domain != domain) throw new ArgumentException("all PRVs must share one domain.", nameof(parts));
            var spectrum = Spectrum(prv.Pmf);
            for (int f = 0; f < spectrum.Length; f++) spectrum[f] = Power(spectrum[f], count);
            if (product is null) product = spectrum;
            else for (int f = 0; f < spectrum.Length; f++) product[f] *= spectrum[f];
            total += count;
            shift += count * prv.Shift;
        }
        var circular = InverseSpectrum(product!, n);
        // A sum of `total` grid variables lands at index Σk − (total − 1)·m of the same grid.
        long rotation = (total - 1) % n * (domain.ZeroIndex % n) % n;
        var pmf = new double[n];
        for (int k = 0; k < n; k++) pmf[k] = circular[(int)((k + rotation) % n)];
        return new DiscretePrv(domain, pmf, shift);
    }

    static Complex[] Spectrum(double[] pmf)
    {
        int n = pmf.Length;
        var data = new double[n + 2];
        Array.Copy(pmf, data, n);
        Fourier.ForwardReal(data, n, FourierOptions.NoScaling);
        var spectrum = new Complex[n / 2 + 1];
        for (int f = 0; f < spectrum.Length; f++) spectrum[f] = new Complex(data[2 * f], data[2 * f + 1]);
        return spectrum;
    }

    static double[] InverseSpectrum(Complex[] spectrum, int n)
    {
        var data = new double[n + 2];
        for (int f = 0; f < spectrum.Length; f++) { data[2 * f] = spectrum[f].Real; data[2 * f + 1] = spectrum[f].Imaginary; }
        Fourier.InverseReal(data, n, FourierOptions.NoScaling);
        var result = new double[n];
        for (int k = 0; k < n; k++) result[k] = data[k] / n;
        return result;
    }

    /// <summary>z^count by repeated squaring (more accurate than the polar form for large counts).</summary>
    static Complex Power(Complex z, long count)
    {
        Complex result = Complex.One;
        while (count > 0)
        {
            if ((count & 1) == 1) result *= z;
            z *= z;
            count >>= 1;
        }
        return result;
    }
}
