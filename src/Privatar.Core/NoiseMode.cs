using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text.Json.Serialization;

namespace Privatar.Core;

/// <summary>
/// Where privacy noise comes from. <see cref="Reproducible"/> (the default, for artifact evaluation) derives every
/// stream from the configured root seed, so anyone with the seed regenerates the noise: the outputs are not a DP
/// release. <see cref="Release"/> draws every privacy noise (DP-SGD noise and Poisson sampling, Gaussian releases,
/// Privatar's DP/PAC noise) from the OS's cryptographic generator through <see cref="SecureGaussian"/>, and records no seed.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<NoiseMode>))]
public enum NoiseMode
{
    Reproducible,
    Release,
}

public static class NoiseModes
{
    /// <summary>The words every artifact of a reproducible run carries (summary.json, synthesis.json, CSV metadata, the report).</summary>
    public const string NotARelease = "reproducible run: not a DP release";

    /// <summary>What a release-mode artifact says in the same place.</summary>
    public const string IsARelease = "DP release: privacy noise from the OS CSPRNG, no seed recorded";

    /// <summary>The config and command-line spelling.</summary>
    public static readonly string[] Names = ["reproducible", "release"];

    public static string Name(this NoiseMode mode) => mode == NoiseMode.Release ? "release" : "reproducible";

    public static string Notice(this NoiseMode mode) => mode == NoiseMode.Release ? IsARelease : NotARelease;

    /// <summary>"reproducible" or "release"; anything else names <paramref name="what"/> and the two values.</summary>
    public static NoiseMode Parse(string text, string what) => text switch
    {
        "reproducible" => NoiseMode.Reproducible,
        "release" => NoiseMode.Release,
        _ => throw new ArgumentException($"{what}: expected 'reproducible' or 'release', got '{text}'"),
    };

    /// <summary>
    /// The seed of a privacy-noise stream: <see cref="SeedStreams.Derive"/> under reproducible, a fresh 63-bit value from
    /// the OS CSPRNG under release (for generators that need a seed at all; the release noise itself does not use one).
    /// </summary>
    public static long Seed(this NoiseMode mode, long root, string purpose, string unit = "") =>
        mode == NoiseMode.Release ? OsSeed() : SeedStreams.Derive(root, purpose, unit);

    public static long OsSeed()
    {
        Span<byte> b = stackalloc byte[8];
        RandomNumberGenerator.Fill(b);
        return (long)(BinaryPrimitives.ReadUInt64LittleEndian(b) & long.MaxValue);
    }
}
