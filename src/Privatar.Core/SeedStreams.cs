using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Privatar.Core;

/// <summary>
/// The one derivation of every random stream's seed: SHA-256 of (root seed, purpose, unit), its first 8 bytes as a
/// 63-bit non-negative integer (it fits both a torch generator's ulong and manual_seed's long). Arithmetic
/// derivations (root·4 + k, root + 7) collide across roots: the VAE's reparameterisation seed 4r + 7 was the DP noise
/// seed 4(r + 1) + 3 of root r + 1. A hash keeps streams apart for any roots; the purposes are listed in
/// <see cref="SeedPurpose"/> so a test can enumerate them.
/// </summary>
public static class SeedStreams
{
    /// <summary>The seed of stream <paramref name="purpose"/> for <paramref name="unit"/> (empty: one stream per run) under <paramref name="root"/>.</summary>
    public static long Derive(long root, string purpose, string unit = "")
    {
        ArgumentException.ThrowIfNullOrEmpty(purpose);
        ArgumentNullException.ThrowIfNull(unit);
        // Length-prefixed fields: ("a", "bc") and ("ab", "c") hash differently.
        var p = Encoding.UTF8.GetBytes(purpose);
        var u = Encoding.UTF8.GetBytes(unit);
        var buffer = new byte[8 + 4 + p.Length + 4 + u.Length];
        BinaryPrimitives.WriteInt64LittleEndian(buffer, root);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(8), p.Length);
        p.CopyTo(buffer, 12);
        BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(12 + p.Length), u.Length);
        u.CopyTo(buffer, 16 + p.Length);
        var hash = SHA256.HashData(buffer);
        return (long)(BinaryPrimitives.ReadUInt64LittleEndian(hash) & long.MaxValue);
    }

    /// <summary>
    /// The root of replicate <paramref name="replicate"/> of a unit whose root is <paramref name="root"/>: the root itself
    /// for replicate 0 (the unit's own run), a derived one for each further draw of its sampling and evaluation.
    /// </summary>
    public static long ReplicateRoot(long root, int replicate) =>
        replicate switch
        {
            0 => root,
            > 0 => Derive(root, SeedPurpose.Replicate, replicate.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            _ => throw new ArgumentOutOfRangeException(nameof(replicate), replicate, "a replicate is numbered from 0"),
        };

    /// <summary>The same stream as a non-negative 31-bit seed, for generators that take an int (MathNet's Mersenne Twister).</summary>
    public static int DeriveInt32(long root, string purpose, string unit = "") => (int)(Derive(root, purpose, unit) & int.MaxValue);
}

/// <summary>Every stream purpose; a new random stream adds its constant here (the collision test enumerates them).</summary>
public static class SeedPurpose
{
    public const string DpSgdInit = "dpsgd/init";
    public const string DpSgdShuffle = "dpsgd/shuffle";
    public const string DpSgdSampling = "dpsgd/poisson-sampling";
    public const string DpSgdNoise = "dpsgd/noise";
    public const string VaeReparam = "dpsgd/vae-reparameterisation";
    public const string SynthesisStatsNoise = "synthesis/stats-noise";
    public const string SynthesisDraw = "synthesis/latent-draw";
    public const string NoiseVectorsDraw = "noise/vectors-draw";
    public const string NoisyInferenceNoise = "noisy-inference/noise";
    public const string Attack = "attack";
    public const string AuditCanaries = "audit/canaries";
    public const string AuditMembership = "audit/membership";
    public const string Tstr = "synthesis/tstr";
    // The root of a further sampling and evaluation of one release; the unit argument is the replicate number.
    public const string Replicate = "synthesis/replicate";
    // A synthetic-data generator's streams; the unit argument is the method ("dp-merf", "dp-cgan", ...).
    public const string GeneratorInit = "generator/init";
    public const string GeneratorFeatures = "generator/features";
    public const string GeneratorRelease = "generator/release";
    public const string GeneratorTraining = "generator/training";
    public const string GeneratorSampling = "generator/poisson-sampling";
    public const string GeneratorDpNoise = "generator/dp-noise";
    public const string GeneratorOutput = "generator/output";
    // The teacher-ensemble generators' (G-PATE, DataLens) own streams.
    public const string GeneratorTeacherPartition = "generator/teacher-partition";
    public const string GeneratorTeacherInit = "generator/teacher-init";
    public const string GeneratorSignQuantisation = "generator/sign-quantisation";

    /// <summary>A DP image generator's stream (Privatar.Generators SeedPurpose, lower-case): "generator/release", ….</summary>
    public static string Generator(string stream) => "generator/" + stream;

    /// <summary>Every constant above (by reflection, so a new one cannot be forgotten).</summary>
    public static IReadOnlyList<string> All { get; } = typeof(SeedPurpose)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral && f.FieldType == typeof(string)).Select(f => (string)f.GetRawConstantValue()!).ToArray();
}
