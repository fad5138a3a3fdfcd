using Privatar.Models;
using Privatar.Models.Variants;
using Privatar.Training;
using static TorchSharp.torch;

namespace Privatar.Attacks;

/// <summary>
/// What the attacks need of a split model: the clean (sampled, un-noised) offloaded latent the headset computes, and
/// the cloud's decoder from a (noised) latent to the offloaded BDCT channels. Noise is applied between the two by
/// the attack, so that any noise transform A (rotated PAC included) can be used.
/// </summary>
public interface IOffloadModel : IDisposable
{
    /// <summary>Offloaded components n.</summary>
    int Offloaded { get; }
    /// <summary>(K, d) z_offload, freshly sampled by the encoder (it samples z at test time too).</summary>
    Tensor OffloadLatent(AttackSamples samples);
    /// <summary>(K, d) latent and (K, 3) view -> (K, 3·r_off, G, G) predicted offloaded channels.</summary>
    Tensor CloudDecode(Tensor zOffload, Tensor view);
}

/// <summary>
/// A trained <see cref="PartitionedVae"/>: OffloadLatent then CloudDecode is exactly its AttackForward
/// (the original's attack_forward) with the noise applied in between.
/// </summary>
public sealed class PartitionedOffloadModel(PartitionedVae model) : IOffloadModel
{
    public int Offloaded => model.Grouping.Offloaded;

    public Tensor OffloadLatent(AttackSamples s) => model.OffloadLatent(new VaeInput(s.AvgTex, s.Verts, s.View));

    public Tensor CloudDecode(Tensor zOffload, Tensor view) => model.Decoder.CloudDecode(zOffload, view);

    /// <summary>Restores a partition checkpoint (a train unit's folder: best_model.pt + checkpoint.json) in eval mode.</summary>
    public static PartitionedOffloadModel Restore(string checkpointDir)
    {
        var info = Checkpoints.ReadInfo(Path.Combine(checkpointDir, "checkpoint.json"));
        if (info.Variant != "partition")
            throw new ArgumentException($"{checkpointDir}/checkpoint.json: variant '{info.Variant}'; the attacks need a partition model (only it has attack_forward)");
        var model = (PartitionedVae)Checkpoints.Restore(Path.Combine(checkpointDir, "best_model.pt"), info);
        model.eval();
        return new PartitionedOffloadModel(model);
    }

    public void Dispose() => model.Dispose();
}
