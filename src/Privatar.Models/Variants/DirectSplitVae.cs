using TorchSharp;
using TorchSharp.Modules;
using Privatar.Models.Layers;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Models.Variants;

/// <summary>
/// <c>DeepAppearanceVAEDirectSplit</c>: separate mesh and texture latents. Only the mesh latent gets the
/// x0.1 / x0.01 scaling (as in the original); z_texture is what is offloaded and noised.
/// </summary>
public sealed class DirectSplitVae : AvatarVae
{
    private readonly DirectSplitEncoder enc;
    private readonly DirectSplitDecoder dec;
    private readonly ColorCorrection cc;

    public DirectSplitVae(VaeConfig config) : base(nameof(DirectSplitVae), config, VaeVariant.DirectSplit)
    {
        var stages = VaeConfig.StagesFor(config.TexSize, "VaeConfig.TexSize");
        enc = new DirectSplitEncoder(StageTables.Down(3, EncoderTables.Texture, stages), config.MeshInputSize, config.Latent);
        dec = new DirectSplitDecoder(StageTables.Up(DecoderTables.Texture(config.Latent), stages, 3), config.MeshInputSize, config.Latent);
        cc = new ColorCorrection(config.Cameras);
        RegisterComponents();
    }

    public DirectSplitDecoder Decoder => dec;

    public void InitWeights(Generator? generator = null)
    {
        enc.InitWeights(generator);
        dec.InitWeights(Config.Fidelity, generator);
    }

    public override IEnumerable<Parameter> ParametersForOptimizer(Fidelity fidelity) => Trainable(enc, dec);
    public override IEnumerable<Parameter> ColorCorrectionParameters() => Trainable(cc);

    public override VaeOutput forward(VaeInput input)
    {
        using var scope = NewDisposeScope();
        var (meanMesh, logStdMesh, meanTex, logStdTex) = enc.call(input.AvgTex, Flatten(input.Verts));
        var (zMesh, klMesh) = Sample(meanMesh, logStdMesh);
        var (zTex, klTex) = Sample(meanTex, logStdTex, scale: false);      // the texture latent is not scaled
        var kl = (klMesh + klTex) / 2;
        var zOffload = AddNoise(zTex, input.NoiseVariance);                  // the cloud sees the noised texture latent
        var (tex, mesh) = dec.call(zMesh, zOffload, input.View);
        var predTex = input.Cam is null ? tex : cc.call(tex, input.Cam);
        return new VaeOutput(predTex.MoveToOuterDisposeScope(), mesh.view(input.Verts.shape).MoveToOuterDisposeScope(),
                             kl.MoveToOuterDisposeScope(), zMesh.MoveToOuterDisposeScope(), zOffload.MoveToOuterDisposeScope());
    }
}
