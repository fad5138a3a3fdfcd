using Privatar.Synthesis.Data;
using static TorchSharp.torch;

namespace Privatar.Synthesis.Evaluation;

/// <summary>
/// An image set as classifier inputs: images (N, 1, 28, 28) scaled from [0, 1] to [−1, 1] (DPDM's x·2 − 1, for every
/// classifier and the evaluator alike) and int64 labels (N).
/// </summary>
public sealed class ImageTensors : IDisposable
{
    ImageTensors(Tensor images, Tensor labels)
    {
        Images = images;
        Labels = labels;
    }

    public Tensor Images { get; }

    public Tensor Labels { get; }

    public long Count => Labels.shape[0];

    public static ImageTensors From(ImageSet set)
    {
        using var pixels = tensor(set.Images, [set.Count, 1, ImageSet.Side, ImageSet.Side]);
        return new ImageTensors(pixels * 2 - 1, tensor(set.Labels, [set.Count]));
    }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
