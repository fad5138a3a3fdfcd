using Privatar.Models;
using TorchSharp;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Training.Noisy;

/// <summary>
/// Puts <see cref="OffloadNoise"/> on the latent a model sends to the cloud, without changing the model: a forward
/// pre-hook on the first layer that reads that latent. The model's own forward (encoders, sampling, decoders,
/// BDCT merge, colour correction) runs unchanged, so with no noise the outputs are the clean test's exactly.
/// <list type="bullet">
/// <item>baseline: <c>dec.z_fc</c> reads all of z (mesh and texture), the completely offloaded decoder;</item>
/// <item>direct split: <c>dec.z_fc</c> reads z_texture only (the mesh latent goes to <c>dec.mesh_fc</c>);</item>
/// <item>partition: <c>dec.z_fc_offload</c>, the first layer of the cloud path, reads z_offload only.</item>
/// </list>
/// The model's own <c>VaeInput.NoiseVariance</c> takes a diagonal only and cannot clip, which corrected PAC
/// (a rotated covariance) and corrected DP (clip, then noise) need.
/// </summary>
public sealed class OffloadHook : IDisposable
{
    readonly Action _remove;

    OffloadHook(nn.Module<Tensor, Tensor> layer, OffloadNoise noise)
    {
        var remover = layer.register_forward_pre_hook((_, z) =>
        {
            Calls++;
            return noise.Apply(z);
        });
        _remove = remover.remove;
    }

    /// <summary>How many times the hooked layer ran (once per forward).</summary>
    public int Calls { get; private set; }

    /// <summary>The checkpoint name of the layer reading the offloaded latent of <paramref name="variant"/>.</summary>
    public static string LayerName(VaeVariant variant) => variant switch
    {
        VaeVariant.Baseline or VaeVariant.DirectSplit => "dec.z_fc",
        VaeVariant.Partition => "dec.z_fc_offload",
        _ => throw new ArgumentException($"noisy inference: variant {variant} sends no latent to the cloud; expected baseline, direct_split or partition"),
    };

    public static OffloadHook Attach(AvatarVae model, OffloadNoise noise)
    {
        var name = LayerName(model.Variant);
        var layer = model.named_modules().Where(m => m.name == name).Select(m => m.module).SingleOrDefault()
            ?? throw new InvalidOperationException($"noisy inference: {model.GetType().Name} has no layer '{name}'");
        return layer is nn.Module<Tensor, Tensor> typed ? new OffloadHook(typed, noise)
            : throw new InvalidOperationException($"noisy inference: layer '{name}' of {model.GetType().Name} is not a tensor-to-tensor module");
    }

    public void Dispose() => _remove();
}
