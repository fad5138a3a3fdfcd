using Privatar.Contracts;
using Privatar.Models;

namespace Privatar.Training;

/// <summary>The model of a configuration: the one place a <see cref="ModelConfig"/> (TorchSharp-free) becomes a network.</summary>
public static class ModelFactory
{
    /// <summary>A freshly initialised model of this configuration.</summary>
    public static AvatarVae Create(this ModelConfig m, VaeConfig cfg, long seed) =>
        Vae.Create(m.Variant, cfg, seed, offloaded: m.Offloaded ?? 14, bits: m.Bits ?? 8, sparsity: m.Ratio ?? 0.2);
}
