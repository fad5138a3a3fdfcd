using Privatar.Torch;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Dpdm.Network;

/// <summary>
/// DPDM's denoiser network F (model/ncsnpp.py with DDPM++ settings: BigGAN blocks, no FIR, no progressive paths,
/// positional noise embedding, skip_rescale): F(x, c_noise, y) with y in 0..classes, the last being the null label.
/// Every layer runs once per forward pass, which the per-example-gradient hooks rely on.
/// </summary>
public sealed class UNet : nn.Module<Tensor, Tensor, Tensor, Tensor>
{
    readonly Embedding label;
    readonly Linear Dense_0;
    readonly Linear Dense_1;
    readonly Conv2d inputConv;
    readonly ModuleList<nn.Module> blocks = new();
    readonly GroupNorm outputNorm;
    readonly Conv2d outputConv;

    public UNet(UNetConfig config, ulong seed) : base(nameof(UNet))
    {
        config.Validate();
        Config = config;
        using var g = new Generator(seed);
        var nf = config.Nf;
        var temb = config.TimeEmbeddingDim;
        label = nn.Embedding(config.LabelCount, nf);
        using (no_grad()) label.weight!.copy_(randn(label.weight!.shape, generator: g));   // PyTorch's N(0, 1)
        Dense_0 = Layers.Dense(nf, temb, g);
        Dense_1 = Layers.Dense(temb, temb, g);
        inputConv = Layers.Conv(config.Channels, nf, 3, 1.0, g);

        var levels = config.ChannelMultipliers.Length;
        var res = config.Resolutions;
        var skips = new Stack<int>([nf]);
        var ch = nf;
        for (var level = 0; level < levels; level++)
        {
            for (var b = 0; b < config.ResBlocksPerLevel; b++)
            {
                var outCh = nf * config.ChannelMultipliers[level];
                blocks.Add(new ResBlock(ch, outCh, temb, Resample.None, g));
                ch = outCh;
                if (config.AttentionResolutions.Contains(res[level])) blocks.Add(new AttnBlock(ch, g));
                skips.Push(ch);
            }
            if (level == levels - 1) continue;
            blocks.Add(new ResBlock(ch, ch, temb, Resample.Down, g));
            skips.Push(ch);
        }
        blocks.Add(new ResBlock(ch, ch, temb, Resample.None, g));
        blocks.Add(new AttnBlock(ch, g));
        blocks.Add(new ResBlock(ch, ch, temb, Resample.None, g));
        for (var level = levels - 1; level >= 0; level--)
        {
            for (var b = 0; b <= config.ResBlocksPerLevel; b++)
            {
                var outCh = nf * config.ChannelMultipliers[level];
                blocks.Add(new ResBlock(ch + skips.Pop(), outCh, temb, Resample.None, g));
                ch = outCh;
            }
            if (config.AttentionResolutions.Contains(res[level])) blocks.Add(new AttnBlock(ch, g));
            if (level != 0) blocks.Add(new ResBlock(ch, ch, temb, Resample.Up, g));
        }
        outputNorm = Layers.Norm(ch);
        outputConv = Layers.Conv(ch, config.Channels, 3, 0.0, g);
        RegisterComponents();
    }

    public UNetConfig Config { get; }

    /// <summary>x (N, C, H, W), cNoise (N), labels (N, int64) → F (N, C, H, W).</summary>
    public override Tensor forward(Tensor x, Tensor cNoise, Tensor labels)
    {
        var cfg = Config;
        var temb = NoiseEmbedding.Positional(cNoise, cfg.Nf) + label.call(labels);
        temb = Dense_1.call(Layers.Swish(Dense_0.call(temb)));

        var i = 0;
        var hs = new Stack<Tensor>([Layers.Apply(inputConv, x)]);
        var levels = cfg.ChannelMultipliers.Length;
        Tensor h;
        for (var level = 0; level < levels; level++)
        {
            for (var b = 0; b < cfg.ResBlocksPerLevel; b++)
            {
                h = Res(i++, hs.Peek(), temb);
                if (blocks[i] is AttnBlock) h = Attn(i++, h);
                hs.Push(h);
            }
            if (level != levels - 1) hs.Push(Res(i++, hs.Peek(), temb));
        }
        h = Res(i++, hs.Peek(), temb);
        h = Attn(i++, h);
        h = Res(i++, h, temb);
        for (var level = levels - 1; level >= 0; level--)
        {
            for (var b = 0; b <= cfg.ResBlocksPerLevel; b++)
                h = Res(i++, cat([h, hs.Pop()], 1), temb);
            if (i < blocks.Count && blocks[i] is AttnBlock) h = Attn(i++, h);
            if (level != 0) h = Res(i++, h, temb);
        }
        return Layers.Apply(outputConv, Layers.NormSwish(outputNorm, h));
    }

    Tensor Res(int i, Tensor x, Tensor temb) => ((ResBlock)blocks[i]).call(x, temb);

    Tensor Attn(int i, Tensor x) => ((AttnBlock)blocks[i]).call(x);
}
