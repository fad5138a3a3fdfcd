using TorchSharp;
using TorchSharp.Modules;
using Privatar.Models.Layers;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Models.Variants;

/// <summary>
/// <c>DeepAppearanceVAE_Partition</c>, Privatar's horizontal partition (HP). The headset BDCT-transforms the average
/// texture, encodes the local components into z (enc) and the offloaded ones into z_offload (enc_offloaded; both
/// encoders also see the mesh), adds noise to z_offload only and sends it with the view to the cloud. The cloud
/// returns the offloaded BDCT channels; the headset decodes its own, merges, inverts the BDCT and colour-corrects.
/// </summary>
public sealed class PartitionedVae : AvatarVae
{
    private readonly AppearanceEncoder enc;
    private readonly AppearanceEncoder enc_offloaded;
    private readonly PartitionDecoder dec;
    private readonly ColorCorrection cc;

    public PartitionedVae(VaeConfig config, int offloaded) : base(nameof(PartitionedVae), config, VaeVariant.Partition)
    {
        Grouping = FrequencyGrouping.For(offloaded);
        var grid = config.TexSize / BlockDct.Block;
        var stages = VaeConfig.StagesFor(grid, "VaeConfig.TexSize / 4 (BDCT grid)");
        enc = new AppearanceEncoder(StageTables.Down(Grouping.LocalEncoderChannels, EncoderTables.Frequency, stages), config.MeshInputSize, config.Latent);
        enc_offloaded = new AppearanceEncoder(StageTables.Down(Grouping.OffloadedEncoderChannels, EncoderTables.Frequency, stages), config.MeshInputSize, config.Latent);
        dec = new PartitionDecoder(
            StageTables.Up(DecoderTables.Partition(config.Latent, Grouping.LocalRatio), stages, Grouping.LocalDecoderChannels),
            StageTables.Up(DecoderTables.Partition(config.Latent, Grouping.OffloadedRatio), stages, Grouping.OffloadedDecoderChannels),
            config.MeshInputSize, config.Latent);
        cc = new ColorCorrection(config.Cameras);
        RegisterComponents();
    }

    public FrequencyGrouping Grouping { get; }
    public PartitionDecoder Decoder => dec;

    public void InitWeights(Generator? generator = null)
    {
        enc.InitWeights(generator);
        enc_offloaded.InitWeights(generator);
        dec.InitWeights(Config.Fidelity, generator);
    }

    /// <summary>
    /// Original: only enc and dec reach the optimizer, so enc_offloaded stays at its init (its gradients are
    /// computed and clipped but never applied). Corrected: enc_offloaded trains too.
    /// </summary>
    public override IEnumerable<Parameter> ParametersForOptimizer(Fidelity fidelity) =>
        fidelity == Fidelity.Original ? Trainable(enc, dec) : Trainable(enc, enc_offloaded, dec);

    public override IEnumerable<Parameter> ColorCorrectionParameters() => Trainable(cc);

    /// <summary>Headset: both latents and the merged KL; z_offload is returned after noise (what is sent).</summary>
    public (Tensor Z, Tensor ZOffload, Tensor Kl) Encode(VaeInput input)
    {
        using var scope = NewDisposeScope();
        var d = BlockDct.Forward(input.AvgTex);                                   // (B, 16, 3, G, G)
        var mesh = Flatten(input.Verts);
        var (mean, logStd) = enc.call(BlockDct.Select(d, Grouping.LocalComponents), mesh);   // (B, 3·n_local, G, G) in
        var (z, kl) = Sample(mean, logStd);
        var (zOffload, klOffload) = EncodeOffloaded(d, mesh);
        var nLocal = Grouping.LocalComponents.Count / (double)BlockDct.Components;
        var klMerge = nLocal * kl + (1 - nLocal) * klOffload;
        var sent = AddNoise(zOffload, input.NoiseVariance);                     // noise on z_offload only
        return (z.MoveToOuterDisposeScope(), sent.MoveToOuterDisposeScope(), klMerge.MoveToOuterDisposeScope());
    }

    /// <summary>The latent the cloud receives, noised (the original's train_attack_forward).</summary>
    public Tensor OffloadLatent(VaeInput input)
    {
        using var scope = NewDisposeScope();
        var (zOffload, _) = EncodeOffloaded(BlockDct.Forward(input.AvgTex), Flatten(input.Verts));
        return AddNoise(zOffload, input.NoiseVariance).MoveToOuterDisposeScope();
    }

    /// <summary>What an attacker in the cloud reconstructs: the offloaded BDCT channels (B, 3·r_off, G, G).</summary>
    public Tensor AttackForward(VaeInput input)
    {
        using var zOffload = OffloadLatent(input);
        return dec.CloudDecode(zOffload, input.View);
    }

    public override VaeOutput forward(VaeInput input)
    {
        using var scope = NewDisposeScope();
        var (z, zOffload, kl) = Encode(input);
        var textureOffload = dec.CloudDecode(zOffload, input.View);             // cloud: (B, 3·r_off, G, G)
        var (textureLocal, mesh) = dec.HeadsetDecode(z, input.View);            // headset: (B, 3·r_local, G, G), (B, 3V)
        var merged = PartitionDecoder.Merge(textureLocal, textureOffload);      // (B, 48, G, G)
        var tex = BlockDct.Inverse(merged);                                      // (B, 3, T, T)
        var predTex = input.Cam is null ? tex : cc.call(tex, input.Cam);
        return new VaeOutput(predTex.MoveToOuterDisposeScope(), mesh.view(input.Verts.shape).MoveToOuterDisposeScope(),
                             kl.MoveToOuterDisposeScope(), z.MoveToOuterDisposeScope(), zOffload.MoveToOuterDisposeScope());
    }

    (Tensor Z, Tensor Kl) EncodeOffloaded(Tensor d, Tensor mesh)
    {
        var (mean, logStd) = enc_offloaded.call(BlockDct.Select(d, Grouping.OffloadedComponents), mesh);
        return Sample(mean, logStd);
    }
}
