using static TorchSharp.torch;

namespace Privatar.Dpdm.Diffusion;

/// <summary>
/// The training noise levels and loss weights of score_losses.py. EDM: ln σ ~ N(P_mean, P_std²) and
/// w = (σ² + σ_d²)/(σ σ_d)². V: t ~ U[t(logsnr_max), t(logsnr_min)], σ = √(cos(πt/2)⁻² − 1), w = (σ² + 1)/σ².
/// </summary>
public sealed record NoiseLevels(Parameterisation Kind, double PMean = NoiseLevels.PaperPMean, double PStd = NoiseLevels.PaperPStd,
    double LogSnrMin = -9, double LogSnrMax = 13)
{
    /// <summary>The paper's EDM level distribution, the default of every DPDM settings type that carries one.</summary>
    public const double PaperPMean = -1.2, PaperPStd = 1.2;

    /// <summary>σ of shape <paramref name="shape"/> (float64 draws cast to <paramref name="dtype"/>).</summary>
    public Tensor Sample(long[] shape, Generator g, ScalarType dtype)
    {
        if (Kind == Parameterisation.Edm)
            return (PMean + PStd * randn(shape, dtype: ScalarType.Float64, generator: g)).exp().to(dtype);
        var tMin = TimeOfLogSnr(LogSnrMax);
        var tMax = TimeOfLogSnr(LogSnrMin);
        var t = tMin + (tMax - tMin) * rand(shape, dtype: ScalarType.Float64, generator: g);
        return ((Math.PI * t / 2).cos().pow(-2) - 1).sqrt().to(dtype);
    }

    /// <summary>The loss weight w(σ) that makes the preconditioned loss unit-scaled.</summary>
    public Tensor Weight(Tensor sigma)
    {
        var s2 = sigma.square();
        if (Kind == Parameterisation.V) return (s2 + 1) / s2;
        var sd2 = Preconditioning.SigmaData * Preconditioning.SigmaData;
        return (s2 + sd2) / (s2 * sd2);
    }

    /// <summary>score_losses.VLoss._t_given_logsnr: t = 2·arccos(1/√(1 + e^−logsnr))/π.</summary>
    public static double TimeOfLogSnr(double logSnr) => 2 * Math.Acos(1 / Math.Sqrt(1 + Math.Exp(-logSnr))) / Math.PI;
}
