using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Models;

/// <summary>The VAE's output for a batch: reconstruction (B, 784) in [0, 1], and the posterior (B, d) mean and log-variance.</summary>
public sealed record VaeOutput(Tensor Reconstruction, Tensor Mu, Tensor LogVar);

/// <summary>
/// The study's MLP VAE: encoder Flatten → Linear(784→400) → ReLU → Linear(400→2d) split into (μ, log σ²);
/// decoder Linear(d→400) → ReLU → Linear(400→784) → Sigmoid. Only Linear layers, so DP-SGD takes the hook route.
/// The reparameterisation noise is an argument, so callers control its seed.
/// </summary>
public sealed class MlpVae : nn.Module<Tensor, Tensor>
{
    readonly Linear enc1;
    readonly Linear enc2;
    readonly Linear dec1;
    readonly Linear dec2;

    public MlpVae(int latentDim = 20, int hidden = 400, int pixels = 784) : base(nameof(MlpVae))
    {
        if (latentDim < 1) throw new ArgumentException($"latent_dim: expected >= 1, got {latentDim}");
        LatentDim = latentDim;
        enc1 = nn.Linear(pixels, hidden);
        enc2 = nn.Linear(hidden, 2 * latentDim);
        dec1 = nn.Linear(latentDim, hidden);
        dec2 = nn.Linear(hidden, pixels);
        RegisterComponents();
    }

    public int LatentDim { get; }

    /// <summary>(B, 1, 28, 28) → μ, log σ² each (B, d).</summary>
    public (Tensor Mu, Tensor LogVar) Encode(Tensor x)
    {
        var h = enc2.call(nn.functional.relu(enc1.call(x.flatten(1))));          // (B, 784) -> (B, 2d)
        var parts = h.chunk(2, 1);
        return (parts[0], parts[1]);
    }

    /// <summary>(B, d) → (B, 784) in [0, 1].</summary>
    public Tensor Decode(Tensor z) => nn.functional.sigmoid(dec2.call(nn.functional.relu(dec1.call(z))));

    /// <summary>z = μ + σ·ε with ε (B, d) supplied by the caller.</summary>
    public VaeOutput Forward(Tensor x, Tensor eps)
    {
        var (mu, logVar) = Encode(x);
        var z = mu + (0.5 * logVar).exp() * eps;
        return new VaeOutput(Decode(z), mu, logVar);
    }

    /// <summary>Reconstruction only, with ε = 0 (the posterior mean).</summary>
    public override Tensor forward(Tensor x) => Decode(Encode(x).Mu);

    /// <summary>
    /// Per-example loss (B): Σ_pixels (recon − target)² + KL(q(z|x) ‖ N(0, I)), the study's
    /// MSE(reduction='sum') + KL written per example so DP-SGD can clip it.
    /// </summary>
    public static Tensor Loss(VaeOutput o, Tensor target)
    {
        var mse = (o.Reconstruction - target.flatten(1)).square().sum(1);
        var kl = -0.5 * (1 + o.LogVar - o.Mu.square() - o.LogVar.exp()).sum(1);
        return mse + kl;
    }
}
