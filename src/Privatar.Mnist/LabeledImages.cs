namespace Privatar.Mnist;

/// <summary>
/// Images (N, H, W) with one class label each. Real MNIST stores bytes 0..255; synthetic sets
/// store float32 values already in the classifier's input space (see <see cref="IdxType"/>).
/// </summary>
public sealed record LabeledImages(IdxArray Images, byte[] Labels)
{
    public int Count => Images.Dims[0];
    public int Height => Images.Dims[1];
    public int Width => Images.Dims[2];

    /// <summary>Loads an image file and a label file and checks that they agree.</summary>
    public static LabeledImages Load(string imagesPath, string labelsPath, int classes = 10)
    {
        var images = IdxFile.Read(imagesPath);
        if (images.Dims.Length != 3)
            throw new InvalidDataException(
                $"{imagesPath}: expected 3 dimensions (count, rows, cols), found {images.Dims.Length} ({string.Join("x", images.Dims)})");
        if (images.Type is not (IdxType.UInt8 or IdxType.Float32))
            throw new InvalidDataException($"{imagesPath}: expected UInt8 or Float32 images, found {images.Type}");
        var labels = IdxFile.Read(labelsPath, IdxType.UInt8, (int?)null);
        if (labels.Dims[0] != images.Dims[0])
            throw new InvalidDataException(
                $"{labelsPath}: {labels.Dims[0]} labels but {imagesPath} holds {images.Dims[0]} images");
        for (var i = 0; i < labels.Data.Length; i++)
            if (labels.Data[i] >= classes)
                throw new InvalidDataException($"{labelsPath}: label {labels.Data[i]} at index {i} is outside 0..{classes - 1}");
        return new LabeledImages(images, labels.Data);
    }

    public void Save(string imagesPath, string labelsPath)
    {
        IdxFile.Write(imagesPath, Images);
        IdxFile.Write(labelsPath, IdxArray.FromBytes(Labels, Labels.Length));
    }

    /// <summary>The first <paramref name="n"/> examples (all when n is 0 or at least Count).</summary>
    public LabeledImages Take(int n)
    {
        if (n <= 0 || n >= Count) return this;
        var per = Height * Width * IdxArray.ElementSize(Images.Type);
        var dims = (int[])Images.Dims.Clone();
        dims[0] = n;
        return new LabeledImages(Images with { Dims = dims, Data = Images.Data[..(n * per)] }, Labels[..n]);
    }
}

/// <summary>The MNIST train and test splits as laid out in a directory of IDX files.</summary>
public sealed record MnistDataset(LabeledImages Train, LabeledImages Test)
{
    public const string TrainImages = "train-images-idx3-ubyte";
    public const string TrainLabels = "train-labels-idx1-ubyte";
    public const string TestImages = "t10k-images-idx3-ubyte";
    public const string TestLabels = "t10k-labels-idx1-ubyte";

    public static MnistDataset Load(string directory)
    {
        if (!Directory.Exists(directory))
            throw new DirectoryNotFoundException($"MNIST directory not found: {directory} (run `privatar mnist fetch` first)");
        return new MnistDataset(
            LabeledImages.Load(Path.Combine(directory, TrainImages), Path.Combine(directory, TrainLabels)),
            LabeledImages.Load(Path.Combine(directory, TestImages), Path.Combine(directory, TestLabels)));
    }
}
