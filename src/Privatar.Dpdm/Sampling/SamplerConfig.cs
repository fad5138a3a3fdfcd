namespace Privatar.Dpdm.Sampling;

/// <summary>DDIM (DPDM's default) or EDM's Heun sampler with optional churn.</summary>
public enum SamplerKind { Ddim, Edm }

/// <summary>
/// samplers.py's settings: σ from TMax to TMin on the ρ-schedule in <paramref name="Steps"/> steps; classifier-free
/// guidance weight w (0: conditional only); DDIM's <paramref name="Stochastic"/> variant; EDM's churn (S_churn,
/// S_min, S_max, S_noise; DPDM's best MNIST ε = 1 FID used churn 100, 0.05, 50 over 1000 steps).
/// </summary>
public sealed record SamplerConfig(
    SamplerKind Kind = SamplerKind.Ddim,
    int Steps = 50,
    double TMin = 0.002,
    double TMax = 80,
    double Rho = 7,
    double Guidance = 0,
    bool Stochastic = false,
    double SChurn = 0,
    double SMin = 0,
    double SMax = double.PositiveInfinity,
    double SNoise = 1,
    double ChurnLimit = 1,
    int BatchSize = 256)
{
    public void Validate()
    {
        if (Steps < 2) throw new ArgumentException($"sampler steps: expected >= 2, got {Steps}");
        if (!(TMin > 0 && TMax > TMin)) throw new ArgumentException($"sampler σ range: expected 0 < tmin < tmax, got {TMin}, {TMax}");
        if (!(Rho > 0)) throw new ArgumentException($"rho: expected > 0, got {Rho}");
        if (!(Guidance >= 0)) throw new ArgumentException($"guidance: expected >= 0, got {Guidance}");
        if (!(SChurn >= 0)) throw new ArgumentException($"s_churn: expected >= 0, got {SChurn}");
        if (BatchSize < 1) throw new ArgumentException($"sampler batch size: expected >= 1, got {BatchSize}");
    }

    /// <summary>The σ schedule (tmax^(1/ρ) … tmin^(1/ρ) evenly, to the power ρ).</summary>
    public double[] Sigmas()
    {
        var a = Math.Pow(TMax, 1 / Rho);
        var b = Math.Pow(TMin, 1 / Rho);
        return Enumerable.Range(0, Steps).Select(i => Math.Pow(a + (b - a) * i / (Steps - 1), Rho)).ToArray();
    }
}
