using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Privatar.Core;
using Privatar.Mnist;

namespace Privatar.Synthesis.Data;

/// <summary>
/// Brings a pinned Debian package into a cache directory with `apt-get download` (no root, nothing installed; apt checks
/// it against the signed index), verifies the .deb's SHA-256, and extracts the listed gzip files from its data archive
/// (`dpkg-deb --fsys-tarfile`), each decompressed and verified against its own pinned hash. Every failure names the
/// package, the file and the expected checksum. A cached .deb with a wrong hash is an error, never replaced silently.
/// </summary>
public static class DebianFetcher
{
    /// <summary>Returns the directory holding the extracted files.</summary>
    public static string Fetch(DebianPackage package, string cacheDir, string outDir, Action<string> log)
    {
        Directory.CreateDirectory(cacheDir);
        var deb = Path.Combine(cacheDir, package.DebName);
        var offline = Path.Combine(OfflineDir(cacheDir), package.DebName);
        if (File.Exists(deb)) log($"{package.Spec}: using cached {deb}");
        else if (File.Exists(offline))
        {
            log($"{package.Spec}: using {offline}, placed by hand");
            Verify(package, offline);   // before it enters the cache, where a wrong file would stay
            AtomicFile.Write(deb, to => { using var from = File.OpenRead(offline); from.CopyTo(to); });
        }
        else Download(package, cacheDir, log);
        Verify(package, deb);
        if (package.Files.All(f => File.Exists(Path.Combine(outDir, f.FileName)) && PackageFetcher.Sha256Of(Path.Combine(outDir, f.FileName)) == f.Sha256))
        {
            log($"{package.Spec}: {package.Files.Count} files in {outDir} already verified");
            return outDir;
        }
        Extract(package, deb, outDir);
        log($"{package.Spec}: extracted {package.Files.Count} files to {outDir}");
        return outDir;
    }

    /// <summary>
    /// Where a .deb placed by hand is looked for (a machine without apt or network). Not the cached file itself: the
    /// build declares that one as an output and sets it aside while the fetch runs, so a file put there would not be seen.
    /// </summary>
    public static string OfflineDir(string cacheDir) => Path.Combine(cacheDir, "offline");

    /// <summary>
    /// `apt-get download` against the system's package index; when that index does not know the package (a fresh
    /// machine where `apt-get update` never ran), once more against a private index refreshed into the cache, so the
    /// system's lists are not touched and no root is needed. apt still checks the .deb against the signed index.
    /// </summary>
    public static void Download(DebianPackage package, string cacheDir, Action<string> log)
    {
        log($"{package.Spec}: apt-get download into {cacheDir}");
        var (code, stderr) = AptGet(package, cacheDir, ["download", package.Spec]);
        if (code != 0)
        {
            var lists = Path.GetFullPath(Path.Combine(cacheDir, "apt-lists"));
            Directory.CreateDirectory(Path.Combine(lists, "partial"));
            string[] privateLists = ["-o", $"Dir::State::Lists={lists}", "-o", "Debug::NoLocking=1"];
            log($"{package.Spec}: not in the system's package index ({stderr.Trim()}); refreshing a private index in {lists}");
            var (updateCode, updateErr) = AptGet(package, cacheDir, [.. privateLists, "update"]);
            if (updateCode != 0)
                throw new InvalidOperationException(
                    $"{package.Spec}: `apt-get update` into {lists} failed with exit code {updateCode}: {updateErr.Trim()}; " +
                    $"place {package.DebName} (sha256 {package.Sha256}) in {OfflineDir(cacheDir)} instead.");
            (code, stderr) = AptGet(package, cacheDir, [.. privateLists, "download", package.Spec]);
        }
        if (code != 0)
            throw new InvalidOperationException(
                $"{package.Spec}: `apt-get download` failed with exit code {code}: {stderr.Trim()}; " +
                $"place {package.DebName} (sha256 {package.Sha256}) in {OfflineDir(cacheDir)} instead.");
        if (!File.Exists(Path.Combine(cacheDir, package.DebName)))
            throw new InvalidOperationException(
                $"{package.Spec}: `apt-get download` succeeded but {package.DebName} (sha256 {package.Sha256}) is not in {cacheDir}");
    }

    static (int Code, string Stderr) AptGet(DebianPackage package, string cacheDir, string[] args) =>
        RunTool("apt-get", args, cacheDir, null,
            $"`apt-get` is not available; place {package.DebName} (sha256 {package.Sha256}) in {OfflineDir(cacheDir)} instead.");

    /// <summary>The .deb's SHA-256 against the pin; the message names the package, the file and the expected hash.</summary>
    public static void Verify(DebianPackage package, string deb)
    {
        if (!File.Exists(deb))
            throw new FileNotFoundException($"{package.Spec}: {deb} is missing (expected sha256 {package.Sha256})", deb);
        var actual = PackageFetcher.Sha256Of(deb);
        if (actual != package.Sha256)
            throw new InvalidDataException($"{package.Spec}: {deb} has SHA-256 {actual}, expected {package.Sha256}; delete the file and fetch again");
    }

    /// <summary>Decompresses the listed entries of the .deb's data archive into <paramref name="outDir"/>, each verified first.</summary>
    public static void Extract(DebianPackage package, string deb, string outDir)
    {
        var wanted = package.Files.ToDictionary(f => f.EntryPath, StringComparer.Ordinal);
        var extracted = new Dictionary<PackedFile, byte[]>();
        RunTool("dpkg-deb", ["--fsys-tarfile", deb], null, stdout =>
        {
            using var reader = new TarReader(stdout, leaveOpen: true);
            while (reader.GetNextEntry() is { } entry)
            {
                if (!wanted.TryGetValue(entry.Name, out var file) || entry.DataStream is null) continue;
                extracted[file] = Decompress(package, deb, file, entry.DataStream);
            }
        }, $"`dpkg-deb` is not available, so {package.DebName} cannot be unpacked (a Debian system is needed for this dataset).",
        failure: (code, stderr) => $"{package.Spec}: `dpkg-deb --fsys-tarfile {deb}` failed with exit code {code}: {stderr.Trim()} (expected sha256 {package.Sha256})");
        var missing = package.Files.Where(f => !extracted.ContainsKey(f)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException(
                $"{package.Spec}: {deb} lacks {string.Join(", ", missing.Select(f => $"{f.EntryPath} (expected sha256 {f.Sha256} decompressed)"))}");
        // Written only once every file verified: a bad package leaves earlier outputs untouched.
        foreach (var (file, bytes) in extracted) AtomicFile.WriteAllBytes(Path.Combine(outDir, file.FileName), bytes);
    }

    static byte[] Decompress(DebianPackage package, string deb, PackedFile file, Stream gz)
    {
        using var buffer = new MemoryStream();
        try
        {
            using var unzip = new GZipStream(gz, CompressionMode.Decompress, leaveOpen: true);
            unzip.CopyTo(buffer);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{package.Spec}: {deb} entry {file.EntryPath} is not valid gzip ({e.Message}; expected sha256 {file.Sha256} decompressed)", e);
        }
        var bytes = buffer.ToArray();
        var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != file.Sha256)
            throw new InvalidDataException($"{package.Spec}: {deb} entry {file.EntryPath} decompresses to SHA-256 {actual}, expected {file.Sha256}");
        return bytes;
    }

    /// <summary>Runs a tool; <paramref name="readStdout"/> consumes its output as a stream (else it is discarded).</summary>
    static (int Code, string Stderr) RunTool(string tool, string[] args, string? workDir, Action<Stream>? readStdout, string absent,
        Func<int, string, string>? failure = null)
    {
        var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (workDir is not null) psi.WorkingDirectory = Path.GetFullPath(workDir);
        foreach (var a in args) psi.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(psi) ?? throw new InvalidOperationException($"{tool} did not start"); }
        catch (System.ComponentModel.Win32Exception e) { throw new InvalidOperationException($"{absent} ({e.Message})", e); }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            Exception? readError = null;
            try
            {
                if (readStdout is not null) readStdout(process.StandardOutput.BaseStream);
                else process.StandardOutput.ReadToEnd();
            }
            catch (Exception e) when (e is InvalidDataException or IOException) { readError = e; }
            process.StandardOutput.BaseStream.CopyTo(Stream.Null);   // let the tool finish writing
            process.WaitForExit();
            if (process.ExitCode != 0 && failure is not null) throw new InvalidDataException(failure(process.ExitCode, stderr.Result), readError);
            if (readError is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(readError);
            return (process.ExitCode, stderr.Result);
        }
    }
}
