using System.Text.Json;
using System.Text.Json.Serialization;
using Privatar.Accounting;
using Privatar.Core;

namespace Privatar.Generators;

/// <summary>
/// One Gaussian mechanism run on the private data: noise std = <see cref="NoiseMultiplier"/> · <see cref="Sensitivity"/>
/// (L2, under <see cref="Adjacency"/>), <see cref="Steps"/> releases at Poisson rate <see cref="SampleRate"/> (1 = the whole set).
/// </summary>
public sealed record MechanismRecord(string Name, string Adjacency, double NoiseMultiplier, double Sensitivity,
    double SampleRate, long Steps)
{
    public double NoiseStd => NoiseMultiplier * Sensitivity;
}

/// <summary>The root seed and the per-purpose seeds derived from it that a run actually used.</summary>
public sealed record SeedRecord(ulong Root, IReadOnlyDictionary<string, ulong> Derived);

/// <summary>
/// What a synthetic set cost: the mechanisms that ran and the ε our accountant computes from them at δ. The target ε
/// is only what σ was calibrated for; <see cref="Epsilon"/> is always recomputed (see <see cref="Create"/>).
/// </summary>
public sealed record PrivacyRecord(string Method, string Dataset, double TargetEpsilon, double Delta, string Accountant,
    IReadOnlyList<MechanismRecord> Mechanisms, double Epsilon, SeedRecord Seeds, NoiseMode Noise = NoiseMode.Reproducible,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? ReleasedImages = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? Replicate = null)
{
    // ReleasedImages: set by a method whose release is a fixed-size set rather than the requested sample count (PSG).
    // Replicate: set on a further set drawn from a release's model (r >= 1); its sampling and evaluation use replicate r's
    // root (SeedStreams.ReplicateRoot). The mechanisms, and so ε, are the release's: sampling is post-processing.

    /// <summary>The replicate number: 0 for a generator's own release.</summary>
    public int ReplicateNumber => Replicate ?? 0;

    /// <summary>"reproducible run: not a DP release", or what a release says (its seeds then omit every noise stream).</summary>
    public string Notice => Noise.Notice();

    public const string FileName = "privacy.json";

    static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,   // ε = Infinity when a step leaks
    };

    /// <summary>The record with ε composed by a fresh accountant over <paramref name="mechanisms"/> (∞ if one has σ = 0).</summary>
    public static PrivacyRecord Create(string method, string dataset, double targetEpsilon, double delta,
        AccountantOptions accountant, IReadOnlyList<MechanismRecord> mechanisms, SeedRecord seeds, NoiseMode noise = NoiseMode.Reproducible,
        int? releasedImages = null) =>
        new(method, dataset, targetEpsilon, delta, accountant.Kind.ToString().ToLowerInvariant(), mechanisms,
            ComposedEpsilon(accountant, mechanisms, delta), seeds, noise, releasedImages);

    public static double ComposedEpsilon(AccountantOptions accountant, IEnumerable<MechanismRecord> mechanisms, double delta)
    {
        var acc = accountant.Create();
        foreach (var m in mechanisms)
        {
            if (m.NoiseMultiplier == 0 && m.Steps > 0) return double.PositiveInfinity;
            acc.Step(m.NoiseMultiplier, m.SampleRate, m.Steps);
        }
        return acc.History.Count == 0 ? 0 : acc.GetEpsilon(delta);
    }

    public string ToJson() => JsonSerializer.Serialize(this, Json) + "\n";

    public void Write(string path) => AtomicFile.WriteAllText(path, ToJson());

    public static PrivacyRecord Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"privacy record not found: {path}", path);
        try
        {
            return JsonSerializer.Deserialize<PrivacyRecord>(File.ReadAllText(path), Json)
                   ?? throw new InvalidDataException($"{path}: empty JSON, expected a privacy record");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: {e.Path}: {e.Message}", e);
        }
    }
}
