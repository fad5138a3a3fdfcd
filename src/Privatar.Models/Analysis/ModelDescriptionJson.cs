using System.Text;
using System.Text.Json;
using Privatar.Models.Layers;
using Privatar.Models.Variants;
using Privatar.Contracts;

namespace Privatar.Models.Analysis;

/// <summary>Describe entry points shared by the CLI and the latency step: shapes-only construction and JSON output.</summary>
public static class ModelDescriber
{
    /// <summary>Builds the variant's structure (uninitialised weights: shapes are all that matter) and describes it.</summary>
    public static ModelDescription Describe(VaeVariant variant, VaeConfig cfg, int offloaded = 14, int bits = 8, double sparsity = 0.2)
    {
        using AvatarVae model = variant switch
        {
            VaeVariant.Baseline => new DeepAppearanceVae(cfg),
            VaeVariant.DirectSplit => new DirectSplitVae(cfg),
            VaeVariant.Quantization => new DeepAppearanceVae(cfg, VaeVariant.Quantization, quantBits: bits),
            VaeVariant.Sparse => new DeepAppearanceVae(cfg, VaeVariant.Sparse, ChannelPruning.PrunedStages(
                StageTables.Up(DecoderTables.Texture(cfg.Latent), VaeConfig.StagesFor(cfg.TexSize, "VaeConfig.TexSize"), 3), sparsity)),
            VaeVariant.FreqDecompose => new FrequencyDecomposedVae(cfg),
            VaeVariant.Partition => new PartitionedVae(cfg, offloaded),
            _ => throw new ArgumentException($"variant: unknown value {variant}"),
        };
        var d = ModelDescription.Of(model);
        return variant switch
        {
            VaeVariant.Quantization => d with { Notes = d.Notes.Append($"weights of the 8 texture deconvs fake-quantized to {bits} bits; storage and kernels stay fp32").ToArray() },
            VaeVariant.Sparse => d with { Notes = d.Notes.Append($"texture deconv outputs pruned by int({sparsity}·c) channels, except the image output").ToArray() },
            _ => d,
        };
    }

    /// <summary>Deterministic JSON: fixed key order, invariant numbers, parts sorted by name.</summary>
    public static string ToJson(ModelDescription d)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("variant", d.Variant);
            w.WriteNumber("tex_size", d.TexSize);
            w.WriteStartObject("parameters");
            foreach (var (part, n) in d.Parameters) w.WriteNumber(part, n);
            w.WriteNumber("total", d.TotalParameters);
            w.WriteEndObject();
            WriteCost(w, "headset_decoder", d.HeadsetDecoder);
            if (d.CloudDecoder is { } cloud) WriteCost(w, "cloud_decoder", cloud);
            if (d.Grouping is { } g)
            {
                w.WriteStartObject("partition");
                w.WriteNumber("num_freq_comp_offloaded", g.Offloaded);
                WriteInts(w, "offloaded_freq_list", g.OffloadedComponents);
                WriteInts(w, "local_freq_list", g.LocalComponents);
                w.WriteNumber("local_channel_ratio", g.LocalRatio);
                w.WriteNumber("offloaded_channel_ratio", g.OffloadedRatio);
                w.WriteNumber("decoder_local_out_channels", g.LocalDecoderChannels);
                w.WriteNumber("decoder_offload_out_channels", g.OffloadedDecoderChannels);
                w.WriteEndObject();
            }
            w.WriteStartArray("notes");
            foreach (var note in d.Notes) w.WriteStringValue(note);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    static void WriteCost(Utf8JsonWriter w, string name, PathCost c)
    {
        w.WriteStartObject(name);
        w.WriteNumber("profiler_flops", c.ProfilerFlops);
        w.WriteNumber("true_macs", c.TrueMacs);
        w.WriteEndObject();
    }

    static void WriteInts(Utf8JsonWriter w, string name, IEnumerable<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteNumberValue(v);
        w.WriteEndArray();
    }
}
