using Privatar.Contracts;
using Privatar.Torch;
using System.Text;
using Privatar.Core;
using Privatar.Evaluation.Metrics;
using Privatar.Models;
using Privatar.Models.Rendering;
using Privatar.Models.Training;
using Privatar.Results;
using static TorchSharp.torch;

namespace Privatar.Training;

/// <summary>The files one test unit writes, all in its own folder.</summary>
public sealed record TestOutputs(string Directory)
{
    public string Metrics => Path.Combine(Directory, ResultFamilies.TestMetrics.FileName);
    public string Z => Path.Combine(Directory, "z.npy");
    public string ZOffload => Path.Combine(Directory, "z_offload.npy");
    public string Samples => Path.Combine(Directory, "samples.tsv");
    public static IReadOnlyList<string> Names(bool offloads) =>
        offloads ? ["test_metrics.csv", "z.npy", "z_offload.npy", "samples.tsv"] : ["test_metrics.csv", "z.npy", "samples.tsv"];
}

/// <summary>[test] settings: how many batches of the test split, their size, the seed of the sample order, LPIPS weights.</summary>
public sealed record TestSettings(int Batches, int BatchSize, long Seed, string? LpipsWeights, LossWeights Weights);

/// <summary>
/// The original's test (§2.7): the best checkpoint (quantization re-projected once) over <c>batches</c> batches of a
/// seeded permutation of the test split, in eval mode without gradients (the latent is still sampled). Reports the
/// per-sample means of vertex MSE, texture MSE denormalised (×texstd², as test.py prints it), screen MSE and KL; SSIM
/// between the rendered prediction and the photo; LPIPS (AlexNet, untransposed inputs in [0, 1]) only when converted
/// weights are given. Saves z (and z_offload for split models) for every test sample as float32 .npy [N, latent],
/// with samples.tsv naming row i.
/// </summary>
public static class Tester
{
    public static TestMetricRow Run(AvatarData data, string checkpoint, CheckpointInfo info, TestSettings s, TestOutputs outputs)
    {
        if (s.Batches < 1 || s.BatchSize < 1) throw new ArgumentException($"[test] batches and batch_size: expected at least 1, got {s.Batches} and {s.BatchSize}");
        random.manual_seed(s.Seed);
        using var model = Checkpoints.Restore(checkpoint, info);
        var spec = ModelConfig.Parse(info.Variant, info.Bits, info.Ratio, info.Offloaded);
        model.eval();
        using var lpips = s.LpipsWeights is { } dir ? AlexLpips.Load(dir) : null;
        var order = Trainer.ValidationBatches(data.Test.Count, s.BatchSize, s.Batches, checked((int)s.Seed));
        double vert = 0, tex = 0, screen = 0, kl = 0, ssim = 0, lp = 0;
        long n = 0;
        var z = new List<float>();
        var zOff = new List<float>();
        var names = new StringBuilder("index\texpression\tframe\tcamera\n");
        using var _ = no_grad();
        foreach (var idx in order)
        {
            var keys = idx.Select(i => data.Test[i]).ToArray();
            // Loaded before the no-GC region: at 256² textures a batch's arrays alone exceed its budget (see NoGc).
            using var batch = data.Batch(keys);
            NoGc.Run(() =>
            {
                using var scope = NewDisposeScope();
                using var output = model.call(batch.ToInput());
                using var terms = VaeLosses.Compute(output, batch, data.Norm, s.Weights with { Screen = 1 }, data.Screen);
                var b = (double)batch.Size;
                vert += terms.Vert.item<float>() * b;
                tex += terms.Tex.item<float>() * data.Norm.TexStd * data.Norm.TexStd * b;
                screen += terms.Screen.item<float>() * b;
                kl += terms.Kl.item<float>() * b;
                var pred = Render(output, batch, data).clamp(0, 1).permute(0, 3, 1, 2);   // (B, 3, H, W) in [0, 1]
                var photo = batch.Photo.permute(0, 3, 1, 2);
                ssim += Ssim.Mean(pred, photo) * b;
                if (lpips is not null) lp += lpips.Mean(pred, photo, LpipsInputRange.ZeroToOne) * b;
                z.AddRange(output.Z.contiguous().data<float>().ToArray());
                if (output.ZOffload is { } zo) zOff.AddRange(zo.contiguous().data<float>().ToArray());
                foreach (var k in keys) names.Append(Invariant.Format(n++)).Append('\t').Append(k.Expression).Append('\t').Append(k.Frame).Append('\t').Append(k.Camera).Append('\n');
            });
        }
        var latent = model.Config.Latent;
        Directory.CreateDirectory(outputs.Directory);
        Npy.Write(outputs.Z, z.ToArray(), checked((int)n), latent);
        if (spec.Offloads) Npy.Write(outputs.ZOffload, zOff.ToArray(), checked((int)n), latent);
        AtomicFile.WriteAllText(outputs.Samples, names.ToString());
        var row = new TestMetricRow
        {
            Variant = spec.ResultVariant, Config = spec.ResultConfig, Samples = n,
            ScreenMse = screen / n, TexMse = tex / n, VertMse = vert / n, Kl = kl / n, Ssim = ssim / n,
            Lpips = lpips is null ? null : lp / n,
        };
        ResultCsv.WriteFile(ResultFamilies.TestMetrics, outputs.Metrics, [row]);
        return row;
    }

    /// <summary>The colour-corrected prediction rendered into the photo's camera, (B, H, W, 3) in display units.</summary>
    static Tensor Render(VaeOutput output, VaeBatch batch, AvatarData data)
    {
        var verts = output.PredVerts * data.Norm.VertStd + data.Norm.VertMean;
        var tex = VaeLosses.Display(output.PredTex, data.Norm);
        return ScreenRenderer.Render(batch.M, verts, tex, data.Screen.Topology, data.Screen.Height, data.Screen.Width);
    }
}
