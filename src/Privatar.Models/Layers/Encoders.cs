using TorchSharp;
using static TorchSharp.torch;

namespace Privatar.Models.Layers;

/// <summary>Encoder stage widths (hidden, out) of the original, outermost first.</summary>
public static class EncoderTables
{
    /// <summary>Baseline TextureEncoder: 3 -> (16,16) -> (32,32) -> (64,64) -> (128,128).</summary>
    public static readonly (long, long)[] Texture = { (16, 16), (32, 32), (64, 64), (128, 128) };
    /// <summary>TextureEncoderLayerRed (BDCT input at 1/4 resolution): (48,48) -> (64,64) -> (128,128).</summary>
    public static readonly (long, long)[] Frequency = { (48, 48), (64, 64), (128, 128) };
}

/// <summary>
/// <c>DeepApperanceEncoder</c> (and its LayerRed twin): texture_encoder -> texture_fc (-> 256) and
/// mesh_fc (flattened verts -> 256), both LeakyReLU, then fc(512 -> 2·z) giving the unscaled (mean, logstd).
/// </summary>
public sealed class AppearanceEncoder : nn.Module<Tensor, Tensor, (Tensor Mean, Tensor LogStd)>
{
    private readonly TextureEncoder texture_encoder;
    private readonly LinearWN texture_fc;
    private readonly LinearWN mesh_fc;
    private readonly LinearWN fc;

    public AppearanceEncoder(IReadOnlyList<DownStage> stages, long meshInput, long latent) : base(nameof(AppearanceEncoder))
    {
        Latent = latent;
        texture_encoder = new TextureEncoder(stages);
        texture_fc = new LinearWN(texture_encoder.Features, 256);
        mesh_fc = new LinearWN(meshInput, 256);
        fc = new LinearWN(512, 2 * latent);
        RegisterComponents();
    }

    public long Latent { get; }
    public TextureEncoder TextureEncoder => texture_encoder;

    public void InitWeights(Generator? generator)
    {
        Glorot.InitAll(this, Glorot.DefaultAlpha, generator);
        Glorot.Init(fc, 1.0, generator);
    }

    /// <summary>(B, C, S, S) texture input and (B, 3V) flattened verts -> unscaled mean and logstd, (B, z) each.</summary>
    public override (Tensor Mean, Tensor LogStd) forward(Tensor tex, Tensor mesh)
    {
        using var scope = NewDisposeScope();
        var texFeat = Act.LRelu(texture_fc.call(texture_encoder.call(tex)));   // (B, 256)
        var meshFeat = Act.LRelu(mesh_fc.call(mesh));                           // (B, 256)
        var latent = fc.call(cat(new[] { texFeat, meshFeat }, -1));            // (B, 512) -> (B, 2z)
        var chunks = latent.split(Latent, 1);
        return (chunks[0].MoveToOuterDisposeScope(), chunks[1].MoveToOuterDisposeScope());
    }
}

/// <summary>
/// <c>DeepApperanceEncoderDirectSplit</c>: same trunk, but separate heads fc_mesh(256 -> 2z) on the mesh feature and
/// fc_texture(256 -> 2z) on the texture feature.
/// </summary>
public sealed class DirectSplitEncoder : nn.Module<Tensor, Tensor, (Tensor MeanMesh, Tensor LogStdMesh, Tensor MeanTex, Tensor LogStdTex)>
{
    private readonly TextureEncoder texture_encoder;
    private readonly LinearWN texture_fc;
    private readonly LinearWN mesh_fc;
    private readonly LinearWN fc_mesh;
    private readonly LinearWN fc_texture;

    public DirectSplitEncoder(IReadOnlyList<DownStage> stages, long meshInput, long latent) : base(nameof(DirectSplitEncoder))
    {
        Latent = latent;
        texture_encoder = new TextureEncoder(stages);
        texture_fc = new LinearWN(texture_encoder.Features, 256);
        mesh_fc = new LinearWN(meshInput, 256);
        fc_mesh = new LinearWN(256, 2 * latent);
        fc_texture = new LinearWN(256, 2 * latent);
        RegisterComponents();
    }

    public long Latent { get; }

    public void InitWeights(Generator? generator)
    {
        Glorot.InitAll(this, Glorot.DefaultAlpha, generator);
        Glorot.Init(fc_mesh, 1.0, generator);
        Glorot.Init(fc_texture, 1.0, generator);
    }

    public override (Tensor MeanMesh, Tensor LogStdMesh, Tensor MeanTex, Tensor LogStdTex) forward(Tensor tex, Tensor mesh)
    {
        using var scope = NewDisposeScope();
        var texFeat = Act.LRelu(texture_fc.call(texture_encoder.call(tex)));   // (B, 256)
        var meshFeat = Act.LRelu(mesh_fc.call(mesh));                           // (B, 256)
        var m = fc_mesh.call(meshFeat).split(Latent, 1);                        // (B, 2z) -> 2 x (B, z)
        var t = fc_texture.call(texFeat).split(Latent, 1);
        return (m[0].MoveToOuterDisposeScope(), m[1].MoveToOuterDisposeScope(),
                t[0].MoveToOuterDisposeScope(), t[1].MoveToOuterDisposeScope());
    }
}
