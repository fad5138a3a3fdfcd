using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Privatar.Models.Layers;

/// <summary>One x4 encoder stage: ConvDownsample(in, hidden, out).</summary>
public sealed record DownStage(long In, long Hidden, long Out);

/// <summary>One x4 decoder stage: ConvUpsample(in, hidden, out, fs, no_activ).</summary>
public sealed record UpStage(long In, long Hidden, long Out, bool NoActivation = false);

/// <summary>Stage tables and their truncation to a texture size (keep the stages nearest the latent).</summary>
public static class StageTables
{
    /// <summary>The last <paramref name="stages"/> entries of (hidden, out) pairs, chained from <paramref name="inChannels"/>.</summary>
    public static DownStage[] Down(long inChannels, IReadOnlyList<(long Hidden, long Out)> full, int stages)
    {
        if (stages > full.Count) throw new ArgumentException($"encoder: {stages} stages requested but the original has {full.Count}");
        var kept = full.Skip(full.Count - stages).ToArray();
        var result = new DownStage[stages];
        for (var i = 0; i < stages; i++)
            result[i] = new DownStage(i == 0 ? inChannels : kept[i - 1].Out, kept[i].Hidden, kept[i].Out);
        return result;
    }

    /// <summary>The first <paramref name="stages"/> (in, hidden, out) entries; the last kept one emits <paramref name="outChannels"/>.</summary>
    public static UpStage[] Up(IReadOnlyList<UpStage> full, int stages, long outChannels)
    {
        if (stages > full.Count) throw new ArgumentException($"decoder: {stages} stages requested but the original has {full.Count}");
        var result = full.Take(stages).ToArray();
        result[^1] = result[^1] with { Out = outChannels, NoActivation = full[^1].NoActivation };
        return result;
    }
}

/// <summary>A stack of ConvDownsample stages ending at 4x4, flattened. Key prefix: downsample.{i}.</summary>
public sealed class TextureEncoder : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<ConvDownsample> downsample;

    public TextureEncoder(IReadOnlyList<DownStage> stages) : base(nameof(TextureEncoder))
    {
        if (stages.Count == 0) throw new ArgumentException("TextureEncoder: needs at least one stage");
        Stages = stages;
        downsample = new ModuleList<ConvDownsample>(stages.Select(s => new ConvDownsample(s.In, s.Hidden, s.Out)).ToArray());
        RegisterComponents();
    }

    public IReadOnlyList<DownStage> Stages { get; }
    /// <summary>Flattened feature size: out channels x 4 x 4.</summary>
    public long Features => Stages[^1].Out * 16;
    public IEnumerable<ConvDownsample> Blocks => downsample;

    public override Tensor forward(Tensor x)
    {
        var h = x;                                        // (B, C, S, S)
        foreach (var block in downsample)
        {
            var next = block.call(h);                     // (B, C', S/4, S/4)
            if (!ReferenceEquals(h, x)) h.Dispose();
            h = next;
        }
        using (h) return h.reshape(x.shape[0], -1);       // (B, C_last, 4, 4) -> (B, 16·C_last)
    }
}

/// <summary>A stack of ConvUpsample stages from a (B, C0·16) code viewed as 4x4. Key prefix: upsample.{i}.</summary>
public sealed class TextureDecoder : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<ConvUpsample> upsample;

    public TextureDecoder(IReadOnlyList<UpStage> stages) : base(nameof(TextureDecoder))
    {
        if (stages.Count == 0) throw new ArgumentException("TextureDecoder: needs at least one stage");
        Stages = stages;
        var blocks = new ConvUpsample[stages.Count];
        for (var i = 0; i < stages.Count; i++)
            blocks[i] = new ConvUpsample(stages[i].In, stages[i].Hidden, stages[i].Out, 4L << (2 * i), stages[i].NoActivation);
        upsample = new ModuleList<ConvUpsample>(blocks);
        RegisterComponents();
    }

    public IReadOnlyList<UpStage> Stages { get; }
    public long InputFeatures => Stages[0].In * 16;
    public long OutputSide => 4L << (2 * Stages.Count);
    public IReadOnlyList<ConvUpsample> Blocks => upsample.ToList();

    /// <summary>All deconvs in forward order (upsample.0.conv1, upsample.0.conv2, ...).</summary>
    public IEnumerable<DeconvTexelBias> Deconvs => upsample.SelectMany(b => new[] { b.Conv1, b.Conv2 });

    public override Tensor forward(Tensor code)
    {
        var h = code.view(code.shape[0], Stages[0].In, 4, 4);   // (B, C0·16) -> (B, C0, 4, 4)
        foreach (var block in upsample)
        {
            var next = block.call(h);                          // (B, C, S, S) -> (B, C', 4S, 4S)
            h.Dispose();
            h = next;
        }
        return h;
    }
}
