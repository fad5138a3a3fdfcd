namespace Privatar.Dpdm.Network;

/// <summary>
/// The DDPM++ (NCSN++ with BigGAN residual blocks) denoiser's shape: base width <paramref name="Nf"/>, one
/// multiplier per resolution level, residual blocks per level, the resolutions with self-attention.
/// </summary>
public sealed record UNetConfig(
    int ImageSize,
    int Channels,
    int Nf,
    int[] ChannelMultipliers,
    int ResBlocksPerLevel,
    int[] AttentionResolutions,
    int Classes)
{
    /// <summary>DPDM's 28×28 MNIST/Fashion-MNIST network (configs/mnist_28, model/ncsnpp.py defaults): 1,753,345 parameters.</summary>
    public static UNetConfig Paper28 => new(28, 1, 32, [1, 2, 2], 2, [7], 10);

    /// <summary>Classes plus the null label that classifier-free guidance trains with.</summary>
    public int LabelCount => Classes + 1;

    /// <summary>The null label's index.</summary>
    public int NullLabel => Classes;

    public int TimeEmbeddingDim => 4 * Nf;

    /// <summary>Resolution of each level (28, 14, 7 for the paper's).</summary>
    public int[] Resolutions => Enumerable.Range(0, ChannelMultipliers.Length).Select(i => ImageSize >> i).ToArray();

    public void Validate()
    {
        if (Nf < 4 || Nf % 2 != 0) throw new ArgumentException($"nf: expected an even width >= 4, got {Nf}");
        if (ChannelMultipliers.Length == 0 || ChannelMultipliers.Any(m => m < 1))
            throw new ArgumentException("channel multipliers: expected at least one, each >= 1");
        if (ResBlocksPerLevel < 1) throw new ArgumentException($"res blocks per level: expected >= 1, got {ResBlocksPerLevel}");
        if (Classes < 1) throw new ArgumentException($"classes: expected >= 1, got {Classes}");
        var size = ImageSize;
        for (var i = 1; i < ChannelMultipliers.Length; i++, size /= 2)
            if (size % 2 != 0) throw new ArgumentException($"image size {ImageSize}: level {i} would halve an odd size {size}");
    }
}
