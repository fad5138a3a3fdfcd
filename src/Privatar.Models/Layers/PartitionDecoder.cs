using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Models.Layers;

/// <summary>
/// <c>DeepAppearanceDecoderLayerRedChnlExpand</c>, the Privatar horizontal partition. The split is explicit:
/// <see cref="HeadsetDecode"/> runs on the headset (view_fc, z_fc, mesh_fc, texture_fc, texture_decoder_local) and
/// <see cref="CloudDecode"/> runs in the cloud (view_fc, z_fc_offload, texture_fc_offload, texture_decoder_offload).
/// view_fc is shared: both sides hold a copy of it. Keys follow the original.
/// </summary>
public sealed class PartitionDecoder : nn.Module<Tensor, Tensor, Tensor, (Tensor Texture, Tensor Mesh)>
{
    private readonly TextureDecoder texture_decoder_local;
    private readonly TextureDecoder texture_decoder_offload;
    private readonly LinearWN z_fc_offload;
    private readonly LinearWN texture_fc_offload;
    private readonly LinearWN view_fc;
    private readonly LinearWN z_fc;
    private readonly LinearWN mesh_fc;
    private readonly LinearWN texture_fc;

    public PartitionDecoder(IReadOnlyList<UpStage> localStages, IReadOnlyList<UpStage> offloadStages, long meshOutput, long latent)
        : base(nameof(PartitionDecoder))
    {
        texture_decoder_local = new TextureDecoder(localStages);
        texture_decoder_offload = new TextureDecoder(offloadStages);
        z_fc_offload = new LinearWN(latent, 256);
        texture_fc_offload = new LinearWN(256 + 8, texture_decoder_offload.InputFeatures);
        view_fc = new LinearWN(3, 8);
        z_fc = new LinearWN(latent, 256);
        mesh_fc = new LinearWN(256, meshOutput);
        texture_fc = new LinearWN(256 + 8, texture_decoder_local.InputFeatures);
        RegisterComponents();
    }

    public TextureDecoder LocalTextureDecoder => texture_decoder_local;
    public TextureDecoder OffloadTextureDecoder => texture_decoder_offload;

    /// <summary>Modules that run on the headset, with their checkpoint names.</summary>
    public IEnumerable<(string Name, nn.Module Module)> HeadsetModules() => new (string, nn.Module)[]
    {
        ("view_fc", view_fc), ("z_fc", z_fc), ("mesh_fc", mesh_fc), ("texture_fc", texture_fc), ("texture_decoder_local", texture_decoder_local),
    };

    /// <summary>Modules that run in the cloud (view_fc is a copy of the headset's).</summary>
    public IEnumerable<(string Name, nn.Module Module)> CloudModules() => new (string, nn.Module)[]
    {
        ("view_fc", view_fc), ("z_fc_offload", z_fc_offload), ("texture_fc_offload", texture_fc_offload), ("texture_decoder_offload", texture_decoder_offload),
    };

    public void InitWeights(Fidelity fidelity, Generator? generator)
    {
        Glorot.InitAll(this, Glorot.DefaultAlpha, generator);
        Glorot.Init(mesh_fc, 1.0, generator);
        DecoderTables.InitLastDeconv(texture_decoder_local, fidelity, generator);
        DecoderTables.InitLastDeconv(texture_decoder_offload, fidelity, generator);
    }

    /// <summary>Headset: (B, z) local latent and (B, 3) view -> local BDCT channels (B, 3·r_local, G, G) and mesh (B, 3V).</summary>
    public (Tensor TextureLocal, Tensor Mesh) HeadsetDecode(Tensor z, Tensor view)
    {
        using var scope = NewDisposeScope();
        var viewCode = Act.LRelu(view_fc.call(view));                                   // (B, 8)
        var zCode = Act.LRelu(z_fc.call(z));                                            // (B, 256)
        var mesh = mesh_fc.call(zCode);                                                 // (B, 3V)
        var code = Act.LRelu(texture_fc.call(cat(new[] { viewCode, zCode }, 1)));       // (B, 264) -> (B, 16·z)
        var local = texture_decoder_local.call(code);                                   // (B, 3·r_local, G, G)
        return (local.MoveToOuterDisposeScope(), mesh.MoveToOuterDisposeScope());
    }

    /// <summary>Cloud: (B, z) noised offload latent and (B, 3) view -> offloaded BDCT channels (B, 3·r_off, G, G).</summary>
    public Tensor CloudDecode(Tensor zOffload, Tensor view)
    {
        using var scope = NewDisposeScope();
        var viewCode = Act.LRelu(view_fc.call(view));                                   // (B, 8)
        var zCode = Act.LRelu(z_fc_offload.call(zOffload));                             // (B, 256)
        var code = Act.LRelu(texture_fc_offload.call(cat(new[] { viewCode, zCode }, 1)));  // (B, 16·z)
        return texture_decoder_offload.call(code).MoveToOuterDisposeScope();            // (B, 3·r_off, G, G)
    }

    /// <summary>Headset: local slots first, then the cloud's: (B, 48, G, G), read by the IBDCT in natural order.</summary>
    public static Tensor Merge(Tensor local, Tensor offload) => cat(new[] { local, offload }, 1);

    public override (Tensor Texture, Tensor Mesh) forward(Tensor z, Tensor zOffload, Tensor view)
    {
        var (local, mesh) = HeadsetDecode(z, view);
        using var offload = CloudDecode(zOffload, view);
        using (local) return (Merge(local, offload), mesh);
    }
}
