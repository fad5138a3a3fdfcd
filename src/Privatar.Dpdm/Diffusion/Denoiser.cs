using Privatar.Dpdm.Network;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Diffusion;

/// <summary>The preconditioned denoiser D(x; σ, y) around a network F.</summary>
public sealed class Denoiser(UNet network, Parameterisation kind)
{
    public UNet Network { get; } = network;

    public Parameterisation Kind { get; } = kind;

    /// <summary>x (N, C, H, W), σ (N) or (N, 1, 1, 1), labels (N) → D (N, C, H, W).</summary>
    public Tensor Denoise(Tensor x, Tensor sigma, Tensor labels)
    {
        var s = sigma.reshape(-1, 1, 1, 1);
        var c = Preconditioning.For(Kind, s);
        return c.CSkip * x + c.COut * Network.call(c.CIn * x, c.CNoise, labels);
    }
}
