using Privatar.Models.Layers;
using Privatar.Models.Variants;
using TorchSharp;
using Privatar.Contracts;

namespace Privatar.Models;

/// <summary>
/// Named factories for the six variants, initialised the original's way from <paramref name="seed"/>.
/// Variants differ by composition (stage tables, latent split, per-step projection), never by copied code.
/// </summary>
public static class Vae
{
    public static DeepAppearanceVae Baseline(VaeConfig cfg, long seed)
    {
        var m = new DeepAppearanceVae(cfg);
        m.InitWeights(Generator(seed));
        return m;
    }

    public static DirectSplitVae DirectSplit(VaeConfig cfg, long seed)
    {
        var m = new DirectSplitVae(cfg);
        m.InitWeights(Generator(seed));
        return m;
    }

    /// <summary>Baseline with weight fake-quant of the texture deconvs, re-projected in <see cref="AvatarVae.BeforeTrainingStep"/>.</summary>
    public static DeepAppearanceVae Quantized(VaeConfig cfg, int bits, long seed)
    {
        var m = new DeepAppearanceVae(cfg, VaeVariant.Quantization, quantBits: bits);
        m.InitWeights(Generator(seed));
        return m;
    }

    /// <summary>A baseline pruned to <paramref name="ratio"/> (as the original prunes the pretrained model before fine-tuning).</summary>
    public static DeepAppearanceVae Sparse(VaeConfig cfg, double ratio, long seed) => Sparse(Baseline(cfg, seed), ratio, seed);

    public static DeepAppearanceVae Sparse(DeepAppearanceVae trained, double ratio, long seed) =>
        ChannelPruning.Prune(trained, ratio, Generator(seed + 1));

    public static FrequencyDecomposedVae FrequencyDecomposed(VaeConfig cfg, long seed)
    {
        var m = new FrequencyDecomposedVae(cfg);
        m.InitWeights(Generator(seed));
        return m;
    }

    public static PartitionedVae PartitionedHp(VaeConfig cfg, int offloaded, long seed)
    {
        var m = new PartitionedVae(cfg, offloaded);
        m.InitWeights(Generator(seed));
        return m;
    }

    /// <summary>Any variant by name; <paramref name="bits"/>, <paramref name="sparsity"/> and <paramref name="offloaded"/> apply to their variant.</summary>
    public static AvatarVae Create(VaeVariant variant, VaeConfig cfg, long seed, int offloaded = 14, int bits = 8, double sparsity = 0.2) =>
        variant switch
        {
            VaeVariant.Baseline => Baseline(cfg, seed),
            VaeVariant.DirectSplit => DirectSplit(cfg, seed),
            VaeVariant.Quantization => Quantized(cfg, bits, seed),
            VaeVariant.Sparse => Sparse(cfg, sparsity, seed),
            VaeVariant.FreqDecompose => FrequencyDecomposed(cfg, seed),
            VaeVariant.Partition => PartitionedHp(cfg, offloaded, seed),
            _ => throw new ArgumentException($"variant: unknown value {variant}"),
        };

    /// <summary>Parses the CLI/config spelling (baseline, direct_split, ...), as the variant list names them.</summary>
    public static VaeVariant ParseVariant(string text) => ModelVariants.Parse(text);

    static torch.Generator Generator(long seed) => new torch.Generator((ulong)seed);
}
