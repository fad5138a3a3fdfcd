using Privatar.Mnist;
using static TorchSharp.torch;

namespace Privatar.DpSgd.Data;

/// <summary>
/// Images (N, 1, H, W) float32 and labels (N) int64 as tensors. <see cref="Images"/> is in the
/// classifier's input space: real MNIST bytes are standardised with the study's
/// Normalize((0.1307,), (0.3081,)); float32 IDX sets (synthetic data) are taken as already in that space.
/// </summary>
public sealed class MnistTensors : IDisposable
{
    public const double Mean = 0.1307;
    public const double Std = 0.3081;

    MnistTensors(Tensor images, Tensor labels)
    {
        Images = images;
        Labels = labels;
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public long Count => Labels.shape[0];

    public static MnistTensors From(LabeledImages set, int limit = 0)
    {
        set = set.Take(limit);
        var raw = tensor(set.Images.ToFloats(), [set.Count, 1, set.Height, set.Width]);
        var images = set.Images.Type == IdxType.UInt8 ? Standardise(raw / 255.0) : raw;
        if (!ReferenceEquals(images, raw)) raw.Dispose();
        var labels = tensor(set.Labels.Select(b => (long)b).ToArray(), [set.Count]);
        return new MnistTensors(images, labels);
    }

    /// <summary>Pixels in [0, 1] → classifier space.</summary>
    public static Tensor Standardise(Tensor pixels) => (pixels - Mean) / Std;

    /// <summary>Classifier space → pixels (not clamped).</summary>
    public static Tensor Unstandardise(Tensor x) => x * Std + Mean;

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
