using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Models.Layers;

/// <summary>Decoder stage tables (in, hidden, out, no_activ) of the original, innermost first; z is the latent size.</summary>
public static class DecoderTables
{
    /// <summary>Baseline TextureDecoder: (z,z,64) (64,64,32) (32,32,16) (16,16,3, linear output).</summary>
    public static UpStage[] Texture(long z) => new UpStage[] { new(z, z, 64), new(64, 64, 32), new(32, 32, 16), new(16, 16, 3, true) };
    /// <summary>TextureDecoderLayerRed of freq-decompose: (z,z,64) (64,64,48) (48,48,48, linear output) -> 48 BDCT channels.</summary>
    public static UpStage[] Frequency(long z) => new UpStage[] { new(z, z, 64), new(64, 64, 48), new(48, 48, 48, true) };
    /// <summary>TextureDecoderLayerRedChnlExpand(r): (z,z,4r) (4r,4r,3r) (3r,3r,3r); the last block keeps its LeakyReLU.</summary>
    public static UpStage[] Partition(long z, long r) => new UpStage[] { new(z, z, 4 * r), new(4 * r, 4 * r, 3 * r), new(3 * r, 3 * r, 3 * r) };

    /// <summary>The original initialises the last deconv with alpha 1 in intent, but the call hits a non-conv module and is a no-op.</summary>
    internal static void InitLastDeconv(TextureDecoder decoder, Fidelity fidelity, Generator? generator)
    {
        if (fidelity == Fidelity.Corrected) Glorot.Init(decoder.Deconvs.Last().Deconv, 1.0, generator);
    }
}

/// <summary>
/// <c>DeepAppearanceDecoder</c>: view_fc(3 -> 8) and z_fc(z -> 256) with LeakyReLU; mesh_fc(256 -> 3V) on the z code
/// (view-independent mesh); texture_fc(264 -> 16·z) on cat(view, z code) -> texture_decoder (view-conditioned texture).
/// </summary>
public sealed class AppearanceDecoder : nn.Module<Tensor, Tensor, (Tensor Texture, Tensor Mesh)>
{
    private readonly TextureDecoder texture_decoder;
    private readonly LinearWN view_fc;
    private readonly LinearWN z_fc;
    private readonly LinearWN mesh_fc;
    private readonly LinearWN texture_fc;

    public AppearanceDecoder(IReadOnlyList<UpStage> stages, long meshOutput, long latent) : base(nameof(AppearanceDecoder))
    {
        texture_decoder = new TextureDecoder(stages);
        view_fc = new LinearWN(3, 8);
        z_fc = new LinearWN(latent, 256);
        mesh_fc = new LinearWN(256, meshOutput);
        texture_fc = new LinearWN(256 + 8, texture_decoder.InputFeatures);
        RegisterComponents();
    }

    public TextureDecoder TextureDecoder => texture_decoder;

    public void InitWeights(Fidelity fidelity, Generator? generator)
    {
        Glorot.InitAll(this, Glorot.DefaultAlpha, generator);
        Glorot.Init(mesh_fc, 1.0, generator);
        DecoderTables.InitLastDeconv(texture_decoder, fidelity, generator);
    }

    /// <summary>(B, z) latent and (B, 3) view -> texture (B, C, S, S) and flattened mesh (B, 3V).</summary>
    public override (Tensor Texture, Tensor Mesh) forward(Tensor z, Tensor view)
    {
        using var scope = NewDisposeScope();
        var viewCode = Act.LRelu(view_fc.call(view));                               // (B, 8)
        var zCode = Act.LRelu(z_fc.call(z));                                        // (B, 256)
        var textureCode = Act.LRelu(texture_fc.call(cat(new[] { viewCode, zCode }, 1)));  // (B, 264) -> (B, 16·z)
        var texture = texture_decoder.call(textureCode);
        var mesh = mesh_fc.call(zCode);                                             // (B, 3V)
        return (texture.MoveToOuterDisposeScope(), mesh.MoveToOuterDisposeScope());
    }
}

/// <summary>
/// <c>DeepAppearanceDecoderDirectSplit</c>: the mesh comes straight from mesh_fc(z_mesh) (no z_fc, no activation);
/// the texture path is the baseline's, driven by z_texture.
/// </summary>
public sealed class DirectSplitDecoder : nn.Module<Tensor, Tensor, Tensor, (Tensor Texture, Tensor Mesh)>
{
    private readonly TextureDecoder texture_decoder;
    private readonly LinearWN view_fc;
    private readonly LinearWN z_fc;
    private readonly LinearWN mesh_fc;
    private readonly LinearWN texture_fc;

    public DirectSplitDecoder(IReadOnlyList<UpStage> stages, long meshOutput, long latent) : base(nameof(DirectSplitDecoder))
    {
        texture_decoder = new TextureDecoder(stages);
        view_fc = new LinearWN(3, 8);
        z_fc = new LinearWN(latent, 256);
        mesh_fc = new LinearWN(latent, meshOutput);
        texture_fc = new LinearWN(256 + 8, texture_decoder.InputFeatures);
        RegisterComponents();
    }

    public void InitWeights(Fidelity fidelity, Generator? generator)
    {
        Glorot.InitAll(this, Glorot.DefaultAlpha, generator);
        Glorot.Init(mesh_fc, 1.0, generator);
        DecoderTables.InitLastDeconv(texture_decoder, fidelity, generator);
    }

    /// <summary>Headset side of direct split: the mesh only. (B, z) -> (B, 3V).</summary>
    public Tensor DecodeMesh(Tensor zMesh) => mesh_fc.call(zMesh);

    /// <summary>Cloud side of direct split: the view-conditioned texture. (B, z), (B, 3) -> (B, 3, S, S).</summary>
    public Tensor DecodeTexture(Tensor zTexture, Tensor view)
    {
        using var scope = NewDisposeScope();
        var viewCode = Act.LRelu(view_fc.call(view));                               // (B, 8)
        var zCode = Act.LRelu(z_fc.call(zTexture));                                 // (B, 256)
        var textureCode = Act.LRelu(texture_fc.call(cat(new[] { viewCode, zCode }, 1)));  // (B, 16·z)
        return texture_decoder.call(textureCode).MoveToOuterDisposeScope();
    }

    public override (Tensor Texture, Tensor Mesh) forward(Tensor zMesh, Tensor zTexture, Tensor view) =>
        (DecodeTexture(zTexture, view), DecodeMesh(zMesh));
}
