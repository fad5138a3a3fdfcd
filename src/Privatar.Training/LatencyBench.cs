using Privatar.Evaluation.Latency;
using Privatar.Models;
using Privatar.Models.Analysis;
using Privatar.Models.Variants;
using Privatar.Results;
using Privatar.Torch;
using LatencyRow = Privatar.Results.LatencyRow;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Training;

/// <summary>
/// The Latency step: decoder latency at batch 1 (no_grad, warm-up, adaptive iteration count) of a freshly initialised model
/// (weights do not change the cost; the original's partition and frequency scripts also time random inits).
/// Baseline, quantization (fp32 kernels on fake-quantized weights, as the original) and sparse time the whole decoder
/// ("full"); frequency decompose times its decoder up to the 48 BDCT channels (no IBDCT, as the original); partition
/// times the headset path (view_fc, z_fc, mesh_fc, texture_fc, local texture decoder) and the cloud path (view_fc,
/// z_fc_offload, texture_fc_offload, offload texture decoder) separately; direct split times the headset mesh decoder
/// and the cloud texture decoder. Each row carries the path's FLOPs (ModelDescription) and parameter count.
/// </summary>
public static class LatencyBench
{
    public static IReadOnlyList<LatencyRow> Measure(ModelConfig spec, VaeConfig cfg, long seed, LatencyOptions options, string device)
    {
        // Time the steady-state call: without this, glibc hands each call's large buffers back to the OS and the
        // next call page-faults them in again, or not, making the timings bimodal (see NativeAllocator).
        if (!NativeAllocator.KeepFreedMemory() && OperatingSystem.IsLinux())
            throw new InvalidOperationException("latency: glibc rejected mallopt(M_MMAP_MAX, 0) / mallopt(M_TRIM_THRESHOLD); timings would be bimodal");
        random.manual_seed(seed);
        using var model = spec.Create(cfg, seed);
        model.eval();
        var d = ModelDescription.Of(model);
        using var z = randn(1, cfg.Latent);
        using var view = nn.functional.normalize(randn(1, 3), p: 2, dim: 1);
        LatencyRow Row(string path, Action step, PathCost cost, long parameters)
        {
            var r = LatencyProbe.Measure(step, options);
            return new LatencyRow
            {
                Variant = spec.ResultVariant, Config = spec.ResultConfig, N = spec.ResultN, Path = path,
                MedianMs = r.MedianMs, P5Ms = r.P5Ms, P95Ms = r.P95Ms, Iterations = r.Iterations, Threads = r.Threads, Device = device,
                FlopsOriginal = cost.ProfilerFlops, Macs = cost.TrueMacs, Params = parameters,
            };
        }
        switch (model)
        {
            case PartitionedVae hp:
                return
                [
                    Row("headset", () => { var (t, m) = hp.Decoder.HeadsetDecode(z, view); Touch(t); }, d.HeadsetDecoder, Params(hp.Decoder.HeadsetModules().Select(x => x.Module))),
                    Row("cloud", () => Touch(hp.Decoder.CloudDecode(z, view)), d.CloudDecoder!, Params(hp.Decoder.CloudModules().Select(x => x.Module))),
                ];
            case DirectSplitVae ds:
                return
                [
                    Row("headset", () => Touch(ds.Decoder.DecodeMesh(z)), d.HeadsetDecoder, Child(ds.Decoder, "mesh_fc")),
                    Row("cloud", () => Touch(ds.Decoder.DecodeTexture(z, view)), d.CloudDecoder!, Params([ds.Decoder]) - Child(ds.Decoder, "mesh_fc")),
                ];
            case DeepAppearanceVae b:
                return [Row("full", () => { var (t, _) = b.Decoder.call(z, view); Touch(t); }, d.HeadsetDecoder, Params([b.Decoder]))];
            case FrequencyDecomposedVae f:
                return [Row("full", () => { var (t, _) = f.Decoder.call(z, view); Touch(t); }, d.HeadsetDecoder, Params([f.Decoder]))];
            default:
                throw new ArgumentException($"latency: no decoder paths known for {model.GetType().Name}");
        }
    }

    /// <summary>Bytes per frame the split variants move: downlink = the cloud path's output, uplink = z_offload and the view.</summary>
    public static (long Down, long Up) LinkBytes(ModelConfig spec, VaeConfig cfg, int bytesPerElement)
    {
        if (!spec.Offloads) return (0, 0);
        var up = (long)bytesPerElement * (cfg.Latent + 3);
        if (spec.Variant == VaeVariant.DirectSplit) return ((long)bytesPerElement * 3 * cfg.TexSize * cfg.TexSize, up);
        var grid = cfg.TexSize / BlockDct.Block;
        var channels = 3L * FrequencyGrouping.For(spec.Offloaded!.Value).OffloadedRatio;
        return ((long)bytesPerElement * channels * grid * grid, up);
    }

    // A read of one element forces the computation to finish (synchronising on CUDA) before the clock stops.
    static void Touch(Tensor t) => _ = t.flatten()[0].item<float>();

    static long Params(IEnumerable<nn.Module> modules) => modules.SelectMany(m => m.parameters()).Sum(p => p.numel());

    static long Child(nn.Module parent, string name) => Params([parent.named_children().Single(c => c.name == name).module]);
}
