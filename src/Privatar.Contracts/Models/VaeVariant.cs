namespace Privatar.Contracts;

/// <summary>The model variants; <see cref="ModelVariants.All"/> holds what each one is called and takes.</summary>
public enum VaeVariant { Baseline, DirectSplit, Quantization, Sparse, FreqDecompose, Partition }

/// <summary>The one parameter a variant is swept over, if any: a bit width, a pruning ratio or offloaded components.</summary>
public enum VariantParameter { None, Bits, Ratio, N }

/// <summary>
/// One variant: its config/CLI name, its name in the result tables (SCHEMAS.md), a label for figures and logs, the
/// parameter it is swept over with the [train] list that holds the sweep, and whether it sends a latent to the cloud.
/// </summary>
public sealed record VariantInfo(VaeVariant Variant, string Name, string ResultName, string Label, VariantParameter Parameter, string? ListKey, bool Offloads)
{
    /// <summary>The variant's own [train] iteration count (one key each, so changing one reruns only its units).</summary>
    public string MaxIterKey => $"train.{Name}_max_iter";
}

/// <summary>The one list of variants: adding one is a row here, its enum member, its class and case in Privatar.Models Vae.Create, and cake.config.</summary>
public static class ModelVariants
{
    public static IReadOnlyList<VariantInfo> All { get; } =
    [
        new(VaeVariant.Baseline, "baseline", "baseline", "baseline", VariantParameter.None, null, Offloads: false),
        new(VaeVariant.DirectSplit, "direct_split", "direct_split", "direct split", VariantParameter.None, null, Offloads: true),
        new(VaeVariant.Quantization, "quantization", "quantization", "quantization", VariantParameter.Bits, "train.quantization_bits", Offloads: false),
        new(VaeVariant.Sparse, "sparse", "sparsity", "sparse", VariantParameter.Ratio, "train.sparse_ratios", Offloads: false),
        new(VaeVariant.FreqDecompose, "freq_decompose", "frequency_decompose", "freq_decompose", VariantParameter.None, null, Offloads: false),
        new(VaeVariant.Partition, "partition", "partition", "partition", VariantParameter.N, "train.partition_n", Offloads: true),
    ];

    /// <summary>The [train] key listing the variants to train, in order.</summary>
    public const string ListKey = "train.variants";

    public static VariantInfo Of(VaeVariant v) => All.First(i => i.Variant == v);

    public static string Name(this VaeVariant v) => Of(v).Name;

    /// <summary>Parses the config/CLI name; <paramref name="what"/> names the source in the error.</summary>
    public static VaeVariant Parse(string text, string what = "variant") =>
        All.FirstOrDefault(i => i.Name == text.Trim())?.Variant
        ?? throw new ArgumentException($"{what}: expected one of {string.Join(", ", All.Select(i => i.Name))}; got '{text}'");

    /// <summary>Parses the result tables' name (sparsity, frequency_decompose, ...).</summary>
    public static VaeVariant ParseResult(string text) =>
        All.FirstOrDefault(i => i.ResultName == text)?.Variant
        ?? throw new ArgumentException($"variant: expected one of {string.Join(", ", All.Select(i => i.ResultName))} (the result tables' names); got '{text}'");
}
