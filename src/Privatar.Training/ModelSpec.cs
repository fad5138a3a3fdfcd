using System.Globalization;
using Privatar.Models;
using Privatar.Contracts;

namespace Privatar.Training;

/// <summary>
/// One trained configuration: a variant plus its parameter (bit width, sparsity ratio or offloaded components).
/// Names: <see cref="Id"/> is the unit id and folder (<c>quantization_bits8</c>), <see cref="ResultVariant"/> and
/// <see cref="ResultConfig"/> are the result tables' vocabulary (<c>quantization</c>, <c>bits8</c>).
/// </summary>
public sealed record ModelSpec(VaeVariant Variant, int? Bits = null, double? Ratio = null, int? Offloaded = null)
{
    public static ModelSpec Baseline { get; } = new(VaeVariant.Baseline);

    /// <summary>The CLI/config spelling of the variant (baseline, direct_split, quantization, sparse, freq_decompose, partition).</summary>
    public string VariantName => ModelVariants.Of(Variant).Name;

    /// <summary>The variant as the result tables name it (Privatar.Results.Vocabulary.Variants).</summary>
    public string ResultVariant => ModelVariants.Of(Variant).ResultName;

    public string ResultConfig => Variant switch
    {
        VaeVariant.Quantization => $"bits{Bits}",
        VaeVariant.Sparse => "ratio" + Ratio!.Value.ToString("R", CultureInfo.InvariantCulture),
        VaeVariant.Partition => $"n{Offloaded}",
        _ => "default",
    };

    /// <summary>Offloaded frequency components as the result tables record them: n for partition, 16 for direct split.</summary>
    public int? ResultN => Variant switch
    {
        VaeVariant.Partition => Offloaded,
        VaeVariant.DirectSplit => 16,
        _ => null,
    };

    public string Id => ResultConfig == "default" ? VariantName : $"{VariantName}_{ResultConfig}";

    /// <summary>Whether the model has an offloaded latent (z_offload).</summary>
    public bool Offloads => Variant is VaeVariant.DirectSplit or VaeVariant.Partition;

    /// <summary>A freshly initialised model of this configuration.</summary>
    public AvatarVae Create(VaeConfig cfg, long seed) =>
        Vae.Create(Variant, cfg, seed, offloaded: Offloaded ?? 14, bits: Bits ?? 8, sparsity: Ratio ?? 0.2);

    /// <summary>Parses the CLI form: variant plus the one option that applies to it.</summary>
    public static ModelSpec Parse(string variant, int? bits, double? ratio, int? n)
    {
        var v = Vae.ParseVariant(variant);
        ModelSpec Need<T>(T? value, string option, Func<T, ModelSpec> make) where T : struct =>
            value is { } x ? make(x) : throw new ArgumentException($"--variant {variant} needs {option}");
        return v switch
        {
            VaeVariant.Quantization => Need(bits, "--bits (weight bit width, e.g. 8)", b => new ModelSpec(v, Bits: b)),
            VaeVariant.Sparse => Need(ratio, "--ratio (pruned channel fraction, e.g. 0.5)", r => new ModelSpec(v, Ratio: r)),
            VaeVariant.Partition => Need(n, "--n (offloaded frequency components, e.g. 8)", k => new ModelSpec(v, Offloaded: k)),
            _ => new ModelSpec(v),
        };
    }

    /// <summary>Every configuration the [train] lists ask for, in a fixed order.</summary>
    public static IReadOnlyList<ModelSpec> Expand(IEnumerable<string> variants, IEnumerable<int> bits, IEnumerable<double> ratios, IEnumerable<int> ns)
    {
        var list = new List<ModelSpec>();
        foreach (var name in variants)
        {
            var v = Vae.ParseVariant(name);
            switch (v)
            {
                case VaeVariant.Quantization: list.AddRange(bits.Select(b => new ModelSpec(v, Bits: b))); break;
                case VaeVariant.Sparse: list.AddRange(ratios.Select(r => new ModelSpec(v, Ratio: r))); break;
                case VaeVariant.Partition: list.AddRange(ns.Select(n => new ModelSpec(v, Offloaded: n))); break;
                default: list.Add(new ModelSpec(v)); break;
            }
        }
        return list;
    }

    public override string ToString() => Id;
}
