using TorchSharp;
using TorchSharp.Modules;
using Privatar.Models.Layers;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Models.Variants;

/// <summary>
/// <c>DeepAppearanceVAE</c>: the baseline, and the structure behind the quantization and sparse variants
/// (quantization re-projects the texture deconvs before each step; sparse has narrower texture deconvs).
/// Keys: enc.*, dec.*, cc.*, as in the original checkpoint.
/// </summary>
public sealed class DeepAppearanceVae : AvatarVae
{
    private readonly AppearanceEncoder enc;
    private readonly AppearanceDecoder dec;
    private readonly ColorCorrection cc;

    /// <param name="decoderStages">Texture-decoder widths; null for the original's (sparse passes pruned widths).</param>
    /// <param name="quantBits">Weight fake-quant bitwidth of the texture deconvs (8-16), or null.</param>
    public DeepAppearanceVae(VaeConfig config, VaeVariant variant = VaeVariant.Baseline,
                             IReadOnlyList<UpStage>? decoderStages = null, int? quantBits = null)
        : base(nameof(DeepAppearanceVae), config, variant)
    {
        if (quantBits is { } b && (b < 2 || b > 16))
            throw new ArgumentException($"bits: expected a weight bitwidth in 2..16 (the original sweeps 8..16), got {b}");
        QuantBits = quantBits;
        var stages = VaeConfig.StagesFor(config.TexSize, "VaeConfig.TexSize");
        enc = new AppearanceEncoder(StageTables.Down(3, EncoderTables.Texture, stages), config.MeshInputSize, config.Latent);
        dec = new AppearanceDecoder(decoderStages ?? StageTables.Up(DecoderTables.Texture(config.Latent), stages, 3),
                                    config.MeshInputSize, config.Latent);
        if (dec.TextureDecoder.OutputSide != config.TexSize || dec.TextureDecoder.Stages[^1].Out != 3)
            throw new ArgumentException($"decoder stages produce {dec.TextureDecoder.Stages[^1].Out}x{dec.TextureDecoder.OutputSide}², expected 3x{config.TexSize}²");
        cc = new ColorCorrection(config.Cameras);
        RegisterComponents();
    }

    public int? QuantBits { get; }
    public AppearanceEncoder Encoder => enc;
    public AppearanceDecoder Decoder => dec;
    public ColorCorrection ColorCorrection => cc;

    public void InitWeights(Generator? generator = null)
    {
        enc.InitWeights(generator);
        dec.InitWeights(Config.Fidelity, generator);
        BeforeTrainingStep();
    }

    public override IEnumerable<Parameter> ParametersForOptimizer(Fidelity fidelity) => Trainable(enc, dec);
    public override IEnumerable<Parameter> ColorCorrectionParameters() => Trainable(cc);

    public override void BeforeTrainingStep()
    {
        if (QuantBits is { } bits) WeightQuantization.Project(dec.TextureDecoder, bits, Config.Fidelity);
    }

    public override VaeOutput forward(VaeInput input)
    {
        using var scope = NewDisposeScope();
        var (mean, logStd) = enc.call(input.AvgTex, Flatten(input.Verts));   // (B, z) each
        var (z, kl) = Sample(mean, logStd);
        var zSent = AddNoise(z.alias(), input.NoiseVariance);                // the baseline noises all of z
        var (tex, mesh) = dec.call(zSent, input.View);                      // (B, 3, T, T), (B, 3V)
        var predTex = input.Cam is null ? tex : cc.call(tex, input.Cam);
        var verts = mesh.view(input.Verts.shape);                           // (B, 3V) -> (B, V, 3)
        return new VaeOutput(predTex.MoveToOuterDisposeScope(), verts.MoveToOuterDisposeScope(),
                             kl.MoveToOuterDisposeScope(), z.MoveToOuterDisposeScope(), null);
    }
}
