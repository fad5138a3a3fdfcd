using TorchSharp;
using TorchSharp.Modules;
using Privatar.Models.Layers;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Models.Variants;

/// <summary>
/// Frequency decompose without offload (project "partition_0"): the encoder reads the 48 BDCT channels at 1/4
/// resolution, the decoder emits 48 BDCT channels that the inverse transform turns back into a 3-channel texture.
/// </summary>
public sealed class FrequencyDecomposedVae : AvatarVae
{
    private readonly AppearanceEncoder enc;
    private readonly AppearanceDecoder dec;
    private readonly ColorCorrection cc;

    public FrequencyDecomposedVae(VaeConfig config) : base(nameof(FrequencyDecomposedVae), config, VaeVariant.FreqDecompose)
    {
        var grid = config.TexSize / BlockDct.Block;
        var stages = VaeConfig.StagesFor(grid, "VaeConfig.TexSize / 4 (BDCT grid)");
        enc = new AppearanceEncoder(StageTables.Down(3 * BlockDct.Components, EncoderTables.Frequency, stages), config.MeshInputSize, config.Latent);
        dec = new AppearanceDecoder(StageTables.Up(DecoderTables.Frequency(config.Latent), stages, 3 * BlockDct.Components),
                                    config.MeshInputSize, config.Latent);
        cc = new ColorCorrection(config.Cameras);
        RegisterComponents();
    }

    public AppearanceDecoder Decoder => dec;

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
        var d = BlockDct.Forward(input.AvgTex);                              // (B, 16, 3, T/4, T/4)
        var freq = d.reshape(d.shape[0], -1, d.shape[3], d.shape[4]);       // -> (B, 48, G, G), channel = 3k + colour
        var (mean, logStd) = enc.call(freq, Flatten(input.Verts));
        var (z, kl) = Sample(mean, logStd);
        var (coeffs, mesh) = dec.call(AddNoise(z.alias(), input.NoiseVariance), input.View);   // (B, 48, G, G)
        var tex = BlockDct.Inverse(coeffs);                                  // -> (B, 3, T, T)
        var predTex = input.Cam is null ? tex : cc.call(tex, input.Cam);
        return new VaeOutput(predTex.MoveToOuterDisposeScope(), mesh.view(input.Verts.shape).MoveToOuterDisposeScope(),
                             kl.MoveToOuterDisposeScope(), z.MoveToOuterDisposeScope(), null);
    }

    /// <summary>The 48-channel BDCT prediction before the inverse transform (what the original's attack compares).</summary>
    public Tensor AttackForward(VaeInput input)
    {
        using var scope = NewDisposeScope();
        var d = BlockDct.Forward(input.AvgTex);
        var (mean, logStd) = enc.call(d.reshape(d.shape[0], -1, d.shape[3], d.shape[4]), Flatten(input.Verts));
        var (z, _) = Sample(mean, logStd);
        var (coeffs, _) = dec.call(AddNoise(z, input.NoiseVariance), input.View);
        return coeffs.MoveToOuterDisposeScope();
    }
}
