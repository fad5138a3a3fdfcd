using Privatar.Mnist;

namespace Privatar.Synthesis.Data;

/// <summary>
/// A Debian binary package pinned by exact version and .deb SHA-256, and the gzip-compressed files we take from its
/// data archive. Each file's hash is of its decompressed content (the IDX bytes we read), so a re-gzipped but equal
/// file still verifies.
/// </summary>
public sealed record DebianPackage(string Name, string Version, string Architecture, string Sha256, IReadOnlyList<PackedFile> Files)
{
    /// <summary>The file name `apt-get download` writes: name_version_arch.deb, an epoch's colon URL-encoded.</summary>
    public string DebName => $"{Name}_{Version.Replace(":", "%3a", StringComparison.Ordinal)}_{Architecture}.deb";

    public string Spec => $"{Name}={Version}";

    const string FashionDir = "./usr/share/datasets/fashion-mnist/";

    /// <summary>
    /// Fashion-MNIST from Debian's dataset-fashion-mnist (bookworm; Zalando's four IDX files, gzip-compressed). Debian
    /// recompressed the .gz files, so their MD5s differ from Zalando's README, but the decompressed files hash to the
    /// same SHA-256 that other projects pin for Zalando's release; those hashes are pinned here. The npm package
    /// fashion-mnist 1.1.0 was not used: it holds 70,002 images as per-class JSON with no train/test split.
    /// </summary>
    public static readonly DebianPackage FashionMnist = new(
        "dataset-fashion-mnist", "0.0~git20200523.55506a9-1", "all",
        "39e172fe32dd318ebb3e512220c3beea2fa47d7e20bab348fb4e0922d6beefc0",
        [
            new(FashionDir + MnistDataset.TrainImages + ".gz", MnistDataset.TrainImages,
                "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
            new(FashionDir + MnistDataset.TrainLabels + ".gz", MnistDataset.TrainLabels,
                "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
            new(FashionDir + MnistDataset.TestImages + ".gz", MnistDataset.TestImages,
                "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
            new(FashionDir + MnistDataset.TestLabels + ".gz", MnistDataset.TestLabels,
                "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34"),
        ]);
}
