using static TorchSharp.torch;

namespace Privatar.Generators;

/// <summary>Releasing a label-conditional generator's samples: balanced labels in class order, drawn chunk by chunk.</summary>
public static class ClassConditional
{
    public const int Classes = 10;

    /// <summary>
    /// Images per forward pass. Small on purpose: a conv generator's im2col at 1000 images is ~630 MB, and sampling
    /// is a negligible part of a unit's time at any chunk size.
    /// </summary>
    public const int Chunk = 100;

    /// <summary>samples/10 labels per class, class 0 first.</summary>
    public static long[] BalancedLabels(int samples) =>
        samples % Classes == 0
            ? [.. Enumerable.Range(0, Classes).SelectMany(c => Enumerable.Repeat((long)c, samples / Classes))]
            : throw new ArgumentException($"samples: expected a multiple of {Classes}, got {samples}");

    /// <summary>
    /// The set of <paramref name="samples"/> images whose labels are <see cref="BalancedLabels"/>; <paramref name="draw"/>
    /// maps a chunk's labels (B) int64 to images (B, 1, H, W), under no_grad. Pixels are clamped to [0, 1].
    /// </summary>
    public static SyntheticSet Sample(Func<Tensor, Tensor> draw, int samples, int height, int width)
    {
        using var _ = no_grad();
        var labels = BalancedLabels(samples);
        var pixels = new float[(long)samples * height * width];
        for (var s = 0; s < samples; s += Chunk)
        {
            using var scope = NewDisposeScope();
            var len = Math.Min(Chunk, samples - s);
            var x = draw(tensor(labels[s..(s + len)])).clamp(0, 1).to_type(ScalarType.Float32).contiguous();
            if (x.numel() != (long)len * height * width)
                throw new InvalidOperationException($"generator returned shape ({string.Join(", ", x.shape)}) for {len} labels, expected ({len}, 1, {height}, {width})");
            Array.Copy(x.data<float>().ToArray(), 0, pixels, (long)s * height * width, (long)len * height * width);
        }
        return new SyntheticSet(pixels, labels, height, width);
    }
}
