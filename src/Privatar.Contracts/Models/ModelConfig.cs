using System.Globalization;
using Privatar.Core;
using Privatar.Noise;

namespace Privatar.Contracts;

/// <summary>
/// One trained configuration: a variant plus its parameter (bit width, pruning ratio or offloaded components).
/// <see cref="Id"/> is the unit id, the train/test folder and the CLI form (<c>quantization_bits8</c>, <c>partition_n8</c>);
/// <see cref="ResultVariant"/> and <see cref="ResultConfig"/> are the result tables' vocabulary (<c>quantization</c>, <c>bits8</c>).
/// </summary>
public sealed record ModelConfig(VaeVariant Variant, int? Bits = null, double? Ratio = null, int? Offloaded = null)
{
    public static ModelConfig Baseline { get; } = new(VaeVariant.Baseline);

    public VariantInfo Info => ModelVariants.Of(Variant);

    /// <summary>The config/CLI spelling of the variant (baseline, direct_split, quantization, sparse, freq_decompose, partition).</summary>
    public string VariantName => Info.Name;

    /// <summary>The variant as the result tables name it (Privatar.Results Vocabulary.Variants).</summary>
    public string ResultVariant => Info.ResultName;

    public string ResultConfig => Info.Parameter switch
    {
        VariantParameter.Bits => $"bits{Invariant.Format(Bits!.Value)}",
        VariantParameter.Ratio => "ratio" + Invariant.Format(Ratio!.Value),
        VariantParameter.N => $"n{Invariant.Format(Offloaded!.Value)}",
        _ => "default",
    };

    /// <summary>Offloaded frequency components as the result tables record them: n for partition, 16 for direct split.</summary>
    public int? ResultN => Variant switch
    {
        VaeVariant.Partition => Offloaded,
        VaeVariant.DirectSplit => NoiseTarget.DirectSplitComponents,
        _ => null,
    };

    public string Id => Info.Parameter == VariantParameter.None ? VariantName : $"{VariantName}_{ResultConfig}";

    /// <summary>Whether the model has an offloaded latent (z_offload).</summary>
    public bool Offloads => Info.Offloads;

    /// <summary>A grid or table label: <c>baseline</c>, <c>direct split</c>, <c>partition n=8</c>.</summary>
    public string Label => Variant == VaeVariant.Partition ? $"{Info.Label} n={Invariant.Format(Offloaded!.Value)}" : Info.Label;

    /// <summary>The iteration count key of this variant ([train] &lt;variant&gt;_max_iter).</summary>
    public string MaxIterKey => Info.MaxIterKey;

    /// <summary>The latent the model sends to the cloud, as the Noise step files it; null when it sends none.</summary>
    public NoiseTarget? OffloadedTarget => Variant switch
    {
        VaeVariant.Baseline => NoiseTarget.Baseline,
        VaeVariant.DirectSplit => NoiseTarget.DirectSplit,
        VaeVariant.Partition => NoiseTarget.Offloaded(Offloaded!.Value),
        _ => null,
    };

    /// <summary>A variant plus the value of its parameter (ignored when it has none).</summary>
    public static ModelConfig Of(VaeVariant v, double? value, string what = "model")
    {
        var p = ModelVariants.Of(v).Parameter;
        if (p != VariantParameter.None && value is null) throw new ArgumentException($"{what}: {ModelVariants.Name(v)} needs its {p.ToString().ToLowerInvariant()} value");
        int Whole(double x) => x == Math.Floor(x) ? (int)x : throw new ArgumentException($"{what}: {ModelVariants.Name(v)} takes a whole {p.ToString().ToLowerInvariant()}, got {Invariant.Format(x)}");
        return p switch
        {
            VariantParameter.Bits => new(v, Bits: Whole(value!.Value)),
            VariantParameter.Ratio => new(v, Ratio: value!.Value),
            VariantParameter.N => new(v, Offloaded: Whole(value!.Value)),
            _ => new(v),
        };
    }

    /// <summary>Parses the checkpoint form: variant plus the one value that applies to it.</summary>
    public static ModelConfig Parse(string variant, int? bits, double? ratio, int? n)
    {
        var v = ModelVariants.Parse(variant);
        return Of(v, ModelVariants.Of(v).Parameter switch { VariantParameter.Bits => bits, VariantParameter.Ratio => ratio, VariantParameter.N => n, _ => null }, $"variant {variant}");
    }

    /// <summary>The inverse of <see cref="Id"/>: <c>partition_n8</c> → partition with n = 8.</summary>
    public static ModelConfig ParseId(string id)
    {
        foreach (var info in ModelVariants.All.OrderByDescending(i => i.Name.Length))
        {
            if (id == info.Name && info.Parameter == VariantParameter.None) return new(info.Variant);
            var prefix = $"{info.Name}_{info.Parameter.ToString().ToLowerInvariant()}";
            if (info.Parameter != VariantParameter.None && id.StartsWith(prefix, StringComparison.Ordinal)
                && double.TryParse(id[prefix.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return Of(info.Variant, value, $"model '{id}'");
        }
        throw new ArgumentException($"model '{id}': expected a model id such as {string.Join(", ", Examples)}");
    }

    /// <summary>Back from the result tables' names (<c>sparsity</c>, <c>ratio0.5</c>).</summary>
    public static ModelConfig ParseResult(string variant, string config)
    {
        var v = ModelVariants.ParseResult(variant);
        var p = ModelVariants.Of(v).Parameter;
        var prefix = p.ToString().ToLowerInvariant();
        if (p == VariantParameter.None) return new(v);
        if (!config.StartsWith(prefix, StringComparison.Ordinal) || !double.TryParse(config[prefix.Length..], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw new ArgumentException($"config '{config}' of variant {variant}: expected {prefix}<value>");
        return Of(v, value, $"{variant} {config}");
    }

    static IEnumerable<string> Examples => ModelVariants.All.Select(i => i.Parameter switch
    {
        VariantParameter.Bits => $"{i.Name}_bits8", VariantParameter.Ratio => $"{i.Name}_ratio0.5", VariantParameter.N => $"{i.Name}_n8", _ => i.Name,
    });

    /// <summary>
    /// Every configuration [train] asks for: the variants of <see cref="ModelVariants.ListKey"/> in order, each swept over
    /// its own list key (read through <paramref name="listText"/>, canonical "a, b" text). The baseline comes first:
    /// every other variant starts from its checkpoint. <paramref name="only"/> keeps one variant (and reads only its list).
    /// </summary>
    public static IReadOnlyList<ModelConfig> Expand(IEnumerable<string> variants, Func<string, string> listText, VaeVariant? only = null)
    {
        var list = new List<ModelConfig>();
        foreach (var name in variants)
        {
            var info = ModelVariants.Of(ModelVariants.Parse(name, $"[train] variants"));
            if (only is { } o && info.Variant != o) continue;
            if (info.ListKey is null) { list.Add(new(info.Variant)); continue; }
            foreach (var item in listText(info.ListKey).Split(',', StringSplitOptions.TrimEntries))
                list.Add(Of(info.Variant, double.Parse(item, NumberStyles.Float, CultureInfo.InvariantCulture), info.ListKey));
        }
        if (only is null && list.Count > 1 && list[0].Variant != VaeVariant.Baseline)
            throw new ArgumentException("[train] variants: every variant starts from the trained baseline, so 'baseline' must come first.");
        return list;
    }

    public override string ToString() => Id;
}
