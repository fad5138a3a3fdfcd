using static TorchSharp.torch;

namespace Privatar.Dpdm.Diffusion;

/// <summary>Which denoiser preconditioning and training noise distribution (DPDM: edm for ε = 1, 10; v for ε = 0.2).</summary>
public enum Parameterisation { Edm, V }

/// <summary>D(x; σ, y) = c_skip(σ)·x + c_out(σ)·F(c_in(σ)·x, c_noise(σ), y): the scalings of DPDM's denoiser.py.</summary>
public sealed record Preconditioning(Tensor CSkip, Tensor COut, Tensor CIn, Tensor CNoise)
{
    /// <summary>DPDM's σ_data: √(1/3), not EDM's 0.5.</summary>
    public static readonly double SigmaData = Math.Sqrt(1.0 / 3);

    /// <summary>The four scalings for σ of shape (N, 1, 1, 1); CNoise is (N).</summary>
    public static Preconditioning For(Parameterisation kind, Tensor sigma) => kind switch
    {
        Parameterisation.Edm => Edm(sigma),
        Parameterisation.V => V(sigma),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown parameterisation"),
    };

    static Preconditioning Edm(Tensor sigma)
    {
        var sd2 = SigmaData * SigmaData;
        var s2 = sigma.square();
        return new Preconditioning(sd2 / (s2 + sd2), sigma * SigmaData / (s2 + sd2).sqrt(), 1 / (s2 + sd2).sqrt(),
            0.25 * sigma.log().reshape(-1));
    }

    static Preconditioning V(Tensor sigma)
    {
        var s2p1 = sigma.square() + 1;
        return new Preconditioning(1 / s2p1, sigma / s2p1.sqrt(), 1 / s2p1.sqrt(),
            (2 / Math.PI * (1 / s2p1.sqrt()).arccos()).reshape(-1));
    }
}
