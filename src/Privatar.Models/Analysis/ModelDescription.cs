using Privatar.Models.Layers;
using Privatar.Models.Variants;
using TorchSharp;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Models.Analysis;

/// <summary>Compute cost of one decoder path at batch 1.</summary>
/// <param name="ProfilerFlops">
/// The original's number (torchprofile, FLOPs = 2 x MACs): linear in·out; transposed conv counted as
/// output elements x C_in x k² (4x the true work for stride 2); plus one multiply per weight element for the
/// weight-norm scaling W·g (an aten::mul the profiler counts). Divisions, adds, activations count zero.
/// </param>
/// <param name="TrueMacs">Multiply-accumulates actually needed: linear in·out; deconv output elements x C_in x (k/s)².</param>
public sealed record PathCost(long ProfilerFlops, long TrueMacs)
{
    public static PathCost Of(IEnumerable<nn.Module> modules)
    {
        long profilerMacs = 0, trueMacs = 0;
        foreach (var root in modules)
            foreach (var (_, m) in root.named_modules().Prepend(("", root)))
                switch (m)
                {
                    case LinearWN l:
                        profilerMacs += 2 * l.InFeatures * l.OutFeatures;   // matmul + the W·g multiply
                        trueMacs += l.InFeatures * l.OutFeatures;
                        break;
                    case DeconvTexelBias d:
                        var c = d.Deconv;
                        var outputs = c.OutChannels * d.OutputSize * d.OutputSize;
                        profilerMacs += outputs * c.InChannels * c.Kernel * c.Kernel + c.InChannels * c.OutChannels * c.Kernel * c.Kernel;
                        trueMacs += outputs * c.InChannels * (c.Kernel / c.Stride) * (c.Kernel / c.Stride);
                        break;
                    case Conv2dWN:
                        throw new InvalidOperationException("PathCost: Conv2dWN needs its input size; decoder paths have none");
                }
        return new PathCost(2 * profilerMacs, trueMacs);
    }
}

/// <summary>Parameter counts per part, and the cost of the headset and cloud decoder paths.</summary>
public sealed record ModelDescription(
    string Variant,
    int TexSize,
    IReadOnlyDictionary<string, long> Parameters,
    long TotalParameters,
    PathCost HeadsetDecoder,
    PathCost? CloudDecoder,
    FrequencyGrouping? Grouping,
    IReadOnlyList<string> Notes)
{
    /// <summary>Builds the (randomly initialised) model and describes it. Shapes only; weights do not matter.</summary>
    public static ModelDescription Of(AvatarVae model)
    {
        var parts = new SortedDictionary<string, long>(StringComparer.Ordinal);
        void Add(string part, long n) => parts[part] = parts.GetValueOrDefault(part) + n;
        foreach (var (name, p) in model.named_parameters())
        {
            var n = p.numel();
            var top = name[..name.IndexOf('.')];
            if (model is PartitionedVae && top == "dec")
                Add(IsOffloadDecoderKey(name) ? "decoder_offload" : "decoder_local", n);
            else
                Add(top switch { "enc" => "encoder", "enc_offloaded" => "encoder_offload", "dec" => "decoder", "cc" => "color_correction", _ => top }, n);
        }
        var notes = new List<string> { "FLOPs at batch 1; IBDCT, colour correction and texel-bias adds are not counted (as in the original's profile)." };
        PathCost headset;
        PathCost? cloud = null;
        FrequencyGrouping? grouping = null;
        switch (model)
        {
            case PartitionedVae hp:
                headset = PathCost.Of(hp.Decoder.HeadsetModules().Select(x => x.Module));
                cloud = PathCost.Of(hp.Decoder.CloudModules().Select(x => x.Module));
                grouping = hp.Grouping;
                notes.Add("decoder_local includes view_fc; the cloud runs a copy of it.");
                break;
            case DirectSplitVae ds:
                headset = PathCost.Of(new nn.Module[] { Child(ds.Decoder, "mesh_fc") });
                cloud = PathCost.Of(new nn.Module[] { Child(ds.Decoder, "view_fc"), Child(ds.Decoder, "z_fc"), Child(ds.Decoder, "texture_fc"), Child(ds.Decoder, "texture_decoder") });
                notes.Add("direct split: the headset decodes the mesh; the texture path runs in the cloud.");
                break;
            default:
                headset = PathCost.Of(new[] { model.named_children().Single(c => c.name == "dec").module });
                break;
        }
        return new ModelDescription(VariantName(model.Variant), model.Config.TexSize, parts, parts.Values.Sum(), headset, cloud, grouping, notes);
    }

    public static string VariantName(VaeVariant v) => v.Name();

    static bool IsOffloadDecoderKey(string name) =>
        name.StartsWith("dec.texture_decoder_offload.", StringComparison.Ordinal)
        || name.StartsWith("dec.z_fc_offload.", StringComparison.Ordinal)
        || name.StartsWith("dec.texture_fc_offload.", StringComparison.Ordinal);

    static nn.Module Child(nn.Module parent, string name) => parent.named_children().Single(c => c.name == name).module;
}
