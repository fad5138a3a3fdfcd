using System.Diagnostics;
using System.IO.Compression;
using System.Security.Cryptography;
using Privatar.Mnist;
using Privatar.Synthesis.Data;
using Privatar.Tests.Shared;
using Xunit.Abstractions;

namespace Privatar.Synthesis.Tests.Data;

/// <summary>Builds real (tiny) .deb files with dpkg-deb, so the fetcher's unpacking runs the way it does on the real package.</summary>
public sealed class DebianFetcherTests(ITestOutputHelper output)
{
    static readonly byte[] Labels = [0, 0, 8, 1, 0, 0, 0, 2, 9, 0];
    const string Entry = "./usr/share/datasets/demo/labels.gz";

    static string Sha(byte[] b) => Convert.ToHexStringLower(SHA256.HashData(b));

    /// <summary>A .deb holding one gzip file (content <paramref name="gzContent"/>, gzip-compressed unless raw).</summary>
    static string BuildDeb(string dir, byte[] gzContent, bool compress = true)
    {
        var root = Path.Combine(dir, "root");
        Directory.CreateDirectory(Path.Combine(root, "DEBIAN"));
        File.WriteAllText(Path.Combine(root, "DEBIAN", "control"),
            "Package: demo\nVersion: 1.0-1\nArchitecture: all\nMaintainer: test <t@example.org>\nDescription: test data\n");
        var data = Path.Combine(root, "usr", "share", "datasets", "demo");
        Directory.CreateDirectory(data);
        using (var file = File.Create(Path.Combine(data, "labels.gz")))
        {
            if (!compress) file.Write(gzContent);
            else
            {
                using var gz = new GZipStream(file, CompressionLevel.Optimal);
                gz.Write(gzContent);
            }
        }
        var deb = Path.Combine(dir, "demo_1.0-1_all.deb");
        var psi = new ProcessStartInfo("dpkg-deb") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--root-owner-group", "--build", root, deb }) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, err);
        Directory.Delete(root, recursive: true);
        return deb;
    }

    static DebianPackage Demo(string debSha, string fileSha) => new("demo", "1.0-1", "all", debSha, [new PackedFile(Entry, "labels", fileSha)]);

    [Fact]
    public void Should_Extract_And_Verify_A_Cached_Package()
    {
        if (!OnPath("dpkg-deb", out var why)) { output.WriteLine(why); return; }
        using var dir = new Repo.TempDir();
        var deb = BuildDeb(dir.Path, Labels);
        var package = Demo(PackageFetcher.Sha256Of(deb), Sha(Labels));
        var outDir = Path.Combine(dir.Path, "out");
        var log = new List<string>();
        DebianFetcher.Fetch(package, dir.Path, outDir, log.Add);
        Assert.Equal([9, 0], IdxFile.Read(Path.Combine(outDir, "labels")).Data);
        DebianFetcher.Fetch(package, dir.Path, outDir, log.Add);
        Assert.Contains(log, l => l.Contains("already verified"));
    }

    [Fact]
    public void Should_Take_A_Package_Placed_By_Hand_In_The_Offline_Folder_After_Verifying_It()
    {
        if (!OnPath("dpkg-deb", out var why)) { output.WriteLine(why); return; }
        using var dir = new Repo.TempDir();
        var cache = Path.Combine(dir.Path, "cache");
        var placed = BuildDeb(Directory.CreateDirectory(DebianFetcher.OfflineDir(cache)).FullName, Labels);
        var wrong = new string('0', 64);
        var e = Assert.Throws<InvalidDataException>(() => DebianFetcher.Fetch(Demo(wrong, Sha(Labels)), cache, dir.Path, _ => { }));
        Assert.Contains($"{placed} has SHA-256 {PackageFetcher.Sha256Of(placed)}, expected {wrong}", e.Message);
        Assert.False(File.Exists(Path.Combine(cache, Path.GetFileName(placed))), "a wrong file must not enter the cache");
        var outDir = Path.Combine(dir.Path, "out");
        var log = new List<string>();
        DebianFetcher.Fetch(Demo(PackageFetcher.Sha256Of(placed), Sha(Labels)), cache, outDir, log.Add);
        Assert.Contains(log, l => l.Contains("placed by hand", StringComparison.Ordinal));
        Assert.Equal(File.ReadAllBytes(placed), File.ReadAllBytes(Path.Combine(cache, Path.GetFileName(placed))));
        Assert.Equal([9, 0], IdxFile.Read(Path.Combine(outDir, "labels")).Data);
    }

    [Fact]
    public void Should_Name_Package_File_And_Expected_Hash_For_A_Corrupt_Package()
    {
        if (!OnPath("dpkg-deb", out var why)) { output.WriteLine(why); return; }
        using var dir = new Repo.TempDir();
        var deb = BuildDeb(dir.Path, Labels);
        var expected = new string('0', 64);
        var e = Assert.Throws<InvalidDataException>(() => DebianFetcher.Fetch(Demo(expected, Sha(Labels)), dir.Path, dir.Path, _ => { }));
        Assert.Contains($"demo=1.0-1: {deb} has SHA-256 {PackageFetcher.Sha256Of(deb)}, expected {expected}", e.Message);
    }

    [Fact]
    public void Should_Name_The_Entry_And_Expected_Hash_When_Content_Differs_Leaving_Outputs_Untouched()
    {
        if (!OnPath("dpkg-deb", out var why)) { output.WriteLine(why); return; }
        using var dir = new Repo.TempDir();
        var deb = BuildDeb(dir.Path, Labels);
        var outDir = Path.Combine(dir.Path, "out");
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "labels"), "earlier");
        var wrong = new string('a', 64);
        var e = Assert.Throws<InvalidDataException>(() => DebianFetcher.Extract(Demo(PackageFetcher.Sha256Of(deb), wrong), deb, outDir));
        Assert.Contains($"demo=1.0-1: {deb} entry {Entry} decompresses to SHA-256 {Sha(Labels)}, expected {wrong}", e.Message);
        Assert.Equal("earlier", File.ReadAllText(Path.Combine(outDir, "labels")));
    }

    [Fact]
    public void Should_Name_A_Missing_Entry_And_An_Entry_That_Is_Not_Gzip()
    {
        if (!OnPath("dpkg-deb", out var why)) { output.WriteLine(why); return; }
        using var dir = new Repo.TempDir();
        var deb = BuildDeb(dir.Path, Labels, compress: false);
        var package = Demo(PackageFetcher.Sha256Of(deb), Sha(Labels));
        var notGzip = Assert.Throws<InvalidDataException>(() => DebianFetcher.Extract(package, deb, dir.Path));
        Assert.Contains($"entry {Entry} is not valid gzip", notGzip.Message);
        var missing = Assert.Throws<InvalidDataException>(() =>
            DebianFetcher.Extract(package with { Files = [new PackedFile("./usr/share/other.gz", "other", Sha(Labels))] }, deb, dir.Path));
        Assert.Contains($"{deb} lacks ./usr/share/other.gz (expected sha256 {Sha(Labels)} decompressed)", missing.Message);
    }

    [Fact]
    public void Should_Name_Package_File_And_Expected_Hash_When_Apt_Cannot_Provide_It()
    {
        if (!OnPath("apt-get", out var why)) { output.WriteLine(why); return; }
        using var dir = new Repo.TempDir();
        var package = DebianPackage.FashionMnist with { Version = "0.0~no.such.version-1" };
        var e = Assert.Throws<InvalidOperationException>(() => DebianFetcher.Fetch(package, dir.Path, dir.Path, _ => { }));
        Assert.Contains("dataset-fashion-mnist=0.0~no.such.version-1: `apt-get download` failed", e.Message);
        Assert.Contains($"place dataset-fashion-mnist_0.0~no.such.version-1_all.deb (sha256 {package.Sha256})", e.Message);
    }

    /// <summary>The real package: needs apt with current lists. Skipped (with the reason printed) only when apt-get is absent.</summary>
    [Fact]
    public void Should_Fetch_The_Pinned_Fashion_Mnist_Package_When_Apt_Is_Available()
    {
        if (!OnPath("apt-get", out var why)) { output.WriteLine(why); return; }
        using var dir = new Repo.TempDir();
        var outDir = DatasetSources.Fetch(DatasetId.FashionMnist, dir.Path, Path.Combine(dir.Path, "idx"), output.WriteLine);
        var (train, test) = DatasetSources.Load(outDir);
        Assert.Equal(60000, train.Count);
        Assert.Equal(10000, test.Count);
        Assert.Equal(9, train.Labels[0]);   // the first Fashion-MNIST training item is an ankle boot
        Assert.Equal(9, test.Labels[0]);    // and so is the first test item
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(6000, train.Labels.Count(l => l == c)));
    }

    static bool OnPath(string tool, out string why)
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Any(d => File.Exists(Path.Combine(d, tool)));
        why = $"SKIPPED: {tool} is not on PATH (not a Debian system), so this part of the Debian fetch cannot run here.";
        return found;
    }
}
