using Privatar.Core;
using Privatar.Mnist;

namespace Privatar.Synthesis.Data;

/// <summary>
/// A labelled image set in the benchmark's exchange format, the folder every generator writes and every evaluation
/// reads: <c>images.npy</c> (float32, N×1×28×28, pixels in [0, 1]) and <c>labels.npy</c> (int64, N, classes 0..9).
/// Real data converts to the same form (bytes / 255), so evaluation code never asks where a set came from.
/// </summary>
public sealed class ImageSet
{
    public const string ImagesFile = "images.npy";
    public const string LabelsFile = "labels.npy";
    public const int Side = 28;
    public const int Pixels = Side * Side;
    public const int Classes = 10;

    public ImageSet(float[] images, long[] labels, string source)
    {
        if (images.Length != labels.Length * Pixels)
            throw new ArgumentException($"{source}: {images.Length} pixel values for {labels.Length} labels (expected {Pixels} per image)");
        Images = images;
        Labels = labels;
        Source = source;
    }

    /// <summary>Pixels, image after image, each 28×28 row-major.</summary>
    public float[] Images { get; }

    public long[] Labels { get; }

    /// <summary>Where the set came from, for messages.</summary>
    public string Source { get; }

    public int Count => Labels.Length;

    /// <summary>Reads and checks a set folder; every problem names the file and what was expected.</summary>
    public static ImageSet Load(string folder)
    {
        var imagesPath = Path.Combine(folder, ImagesFile);
        var labelsPath = Path.Combine(folder, LabelsFile);
        var images = Npy.Read(imagesPath);
        var labels = Npy.Read(labelsPath);
        if (images.DType != NpyDType.Float32 || images.Rank != 4 || images.Shape[1] != 1 || images.Shape[2] != Side || images.Shape[3] != Side)
            throw new InvalidDataException(
                $"{imagesPath}: expected float32 of shape (N, 1, {Side}, {Side}), found {images.DType} ({string.Join(", ", images.Shape)})");
        if (labels.DType != NpyDType.Int64 || labels.Rank != 1)
            throw new InvalidDataException($"{labelsPath}: expected int64 of shape (N), found {labels.DType} ({string.Join(", ", labels.Shape)})");
        if (labels.Shape[0] != images.Shape[0])
            throw new InvalidDataException($"{labelsPath}: {labels.Shape[0]} labels but {imagesPath} holds {images.Shape[0]} images");
        var px = (float[])images.Data;
        for (var i = 0; i < px.Length; i++)
            if (!(px[i] >= 0f && px[i] <= 1f))
                throw new InvalidDataException(
                    $"{imagesPath}: value {Invariant.Format(px[i])} of image {i / Pixels} (pixel {i % Pixels}) is outside [0, 1]");
        var y = (long[])labels.Data;
        for (var i = 0; i < y.Length; i++)
            if (y[i] is < 0 or >= Classes)
                throw new InvalidDataException($"{labelsPath}: label {y[i]} at index {i} is outside 0..{Classes - 1}");
        return new ImageSet(px, y, folder);
    }

    /// <summary>Writes both files atomically (images first, so a reader never sees labels without their images).</summary>
    public void Save(string folder)
    {
        Npy.Write(Path.Combine(folder, ImagesFile), Images, Count, 1, Side, Side);
        Npy.Write(Path.Combine(folder, LabelsFile), Labels, Count);
    }

    /// <summary>A real split read from IDX (bytes → [0, 1]).</summary>
    public static ImageSet FromIdx(LabeledImages set, string source)
    {
        if (set.Height != Side || set.Width != Side)
            throw new InvalidDataException($"{source}: images are {set.Height}×{set.Width}, expected {Side}×{Side}");
        if (set.Images.Type != IdxType.UInt8) throw new InvalidDataException($"{source}: expected UInt8 pixels, found {set.Images.Type}");
        var px = new float[set.Images.Data.Length];
        for (var i = 0; i < px.Length; i++) px[i] = set.Images.Data[i] / 255f;
        return new ImageSet(px, [.. set.Labels.Select(b => (long)b)], source);
    }

    /// <summary>The examples at <paramref name="indices"/>, in that order.</summary>
    public ImageSet Select(IReadOnlyList<int> indices)
    {
        var px = new float[indices.Count * Pixels];
        var y = new long[indices.Count];
        for (var k = 0; k < indices.Count; k++)
        {
            Array.Copy(Images, (long)indices[k] * Pixels, px, (long)k * Pixels, Pixels);
            y[k] = Labels[indices[k]];
        }
        return new ImageSet(px, y, Source);
    }

    /// <summary>The first <paramref name="n"/> examples (all when n is 0 or at least Count).</summary>
    public ImageSet Take(int n) => n <= 0 || n >= Count ? this : Select([.. Enumerable.Range(0, n)]);
}
