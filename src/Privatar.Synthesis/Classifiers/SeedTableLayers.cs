using static TorchSharp.torch;

namespace Privatar.Synthesis.Classifiers;

/// <summary>Layers the seed-table networks share.</summary>
static class SeedTableLayers
{
    /// <summary>"instancenorm" of the Dataset Condensation code: GroupNorm with one group per channel, affine.</summary>
    public static nn.Module<Tensor, Tensor> InstanceNorm(long channels) => nn.GroupNorm(channels, channels, affine: true);

    /// <summary>
    /// The first convolution's padding on 28×28 single-channel input: 3 instead of 1, so a 3×3 convolution turns 28²
    /// into 32² and the 32×32 (CIFAR) pooling schedule applies unchanged.
    /// </summary>
    public const long MnistPadding3x3 = 3;
}
