using Privatar.Core;

namespace Privatar.Generators;

/// <summary>
/// A synthetic image set in the shared format: <c>images.npy</c> float32 (N, 1, H, W) with pixels in [0, 1] and
/// <c>labels.npy</c> int64 (N), next to its <see cref="PrivacyRecord"/>.
/// </summary>
public sealed record SyntheticSet(float[] Pixels, long[] Labels, int Height, int Width)
{
    public const string ImagesFile = "images.npy";
    public const string LabelsFile = "labels.npy";
    public const string GridFile = "samples.png";

    public int Count => Labels.Length;

    public void Validate(string where)
    {
        if (Pixels.Length != (long)Count * Height * Width)
            throw new InvalidDataException($"{where}: {Pixels.Length} pixels for {Count} labels of {Height}x{Width}");
        for (var i = 0; i < Pixels.Length; i++)
            if (!(Pixels[i] >= 0 && Pixels[i] <= 1))
                throw new InvalidDataException($"{where}: pixel {i} is {Pixels[i]}, expected a value in [0, 1]");
        for (var i = 0; i < Labels.Length; i++)
            if (Labels[i] is < 0 or > 9)
                throw new InvalidDataException($"{where}: label {i} is {Labels[i]}, expected 0..9");
    }

    /// <summary>Writes the set, its sample grid and its privacy record into <paramref name="dir"/>, each file atomically.</summary>
    public void Write(string dir, PrivacyRecord privacy, int gridColumns = SampleGrid.DefaultColumns)
    {
        Validate(dir);
        Directory.CreateDirectory(dir);
        Npy.Write(Path.Combine(dir, ImagesFile), Pixels, Count, 1, Height, Width);
        Npy.Write(Path.Combine(dir, LabelsFile), Labels, Count);
        Png.Write(Path.Combine(dir, GridFile), SampleGrid.Render(this, gridColumns));
        privacy.Write(Path.Combine(dir, PrivacyRecord.FileName));
    }

    public static (SyntheticSet Set, PrivacyRecord Privacy) Read(string dir)
    {
        var imagesPath = Path.Combine(dir, ImagesFile);
        var labelsPath = Path.Combine(dir, LabelsFile);
        var images = Npy.Read(imagesPath);
        if (images.DType != NpyDType.Float32 || images.Rank != 4 || images.Shape[1] != 1)
            throw new InvalidDataException($"{imagesPath}: expected float32 (N, 1, H, W), got {images.DType} ({string.Join(", ", images.Shape)})");
        var labels = Npy.Read(labelsPath);
        if (labels.DType != NpyDType.Int64 || labels.Rank != 1 || labels.Shape[0] != images.Shape[0])
            throw new InvalidDataException($"{labelsPath}: expected int64 ({images.Shape[0]}), got {labels.DType} ({string.Join(", ", labels.Shape)})");
        var set = new SyntheticSet((float[])images.Data, (long[])labels.Data, images.Shape[2], images.Shape[3]);
        set.Validate(dir);
        return (set, PrivacyRecord.Read(Path.Combine(dir, PrivacyRecord.FileName)));
    }
}
