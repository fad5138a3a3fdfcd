using Privatar.Models.Training;
using static TorchSharp.torch;

namespace Privatar.Models.Tests.Fixtures;

/// <summary>Tiny CPU configurations and a short overfitting loop shared by the variant tests.</summary>
public static class Tiny
{
    /// <summary>64² texture (2 baseline stages, 1 BDCT stage), 36 vertices, latent 32, 3 cameras.</summary>
    public static VaeConfig Config(Fidelity fidelity = Fidelity.Corrected) =>
        new() { TexSize = 64, Vertices = 36, Latent = 32, Cameras = 3, Fidelity = fidelity };

    public static AvatarVae Model(string variant, VaeConfig cfg, long seed = 1) =>
        Vae.Create(Vae.ParseVariant(variant), cfg, seed, offloaded: 14, bits: 8, sparsity: 0.5);

    /// <summary>Reconstruction loss (vert + tex + screen) before and after <paramref name="steps"/> Adam steps on one batch.</summary>
    public static (double Before, double After) Overfit(AvatarVae model, SyntheticSamples s, int steps, double lr)
    {
        var w = new LossWeights();
        manual_seed(9);
        var before = Recon(VaeStep.Evaluate(model, s.Batch, s.Norm, w, s.Screen));
        var (main, cc) = VaeStep.Optimizers(model, lr);
        for (var i = 0; i < steps; i++) VaeStep.Train(model, s.Batch, s.Norm, w, s.Screen, main, cc);
        var after = Recon(VaeStep.Evaluate(model, s.Batch, s.Norm, w, s.Screen));
        return (before, after);
    }

    static double Recon(LossValues v) => v.Vert + v.Tex + v.Screen;
}
