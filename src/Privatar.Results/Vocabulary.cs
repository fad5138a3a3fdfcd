using Privatar.Contracts;

namespace Privatar.Results;

/// <summary>
/// The closed sets of values that enumerated columns may hold. Readers and writers reject anything else
/// with the file, line and column, so a typo in a step never turns into a silently empty figure series.
/// </summary>
public static class Vocabulary
{
    /// <summary>The variants as the result tables name them (the variant list's result names).</summary>
    public static readonly string[] Variants = [.. ModelVariants.All.Select(v => v.ResultName)];
    public static readonly string[] Splits = ["train", "val"];
    public static readonly string[] Paths = ["headset", "cloud", "full"];
    public static readonly string[] Headsets = ["quest_pro", "quest_3"];
    public static readonly string[] Bounds = ["compute", "communication"];
    public static readonly string[] Mechanisms = ["dp", "pac"];
    public static readonly string[] NoiseOrNone = ["none", "dp", "pac"];
    public static readonly string[] Fidelities = ["original", "corrected"];
    public static readonly string[] Branches = ["baseline", "local", "offload", "direct_split"];
    /// <summary>The attacks.csv rows of the empirical matching with a perfect cloud decoder (no model attacked).</summary>
    public const string AttackCeiling = "empirical_ceiling";
    public static readonly string[] Attacks = ["empirical", "nn", AttackCeiling];
    public static readonly string[] ReferenceModes = ["ambiguity_merge", "accumulated_hf", "accumulated_offload", "none"];
    public static readonly string[] SynthesisDatasets = ["mnist", "fashion_mnist"];
    public static readonly string[] NoiseVectorSeries = ["latent", "latent_variance", "dp_vector", "pac_vector", "dp_sample", "pac_sample"];

    /// <summary>Adds a problem to <paramref name="problems"/> when <paramref name="value"/> is not one of <paramref name="allowed"/>.</summary>
    public static void Check(List<string> problems, string column, string? value, string[] allowed)
    {
        if (value is null || Array.IndexOf(allowed, value) < 0)
            problems.Add($"column '{column}' is '{value}'; expected one of {string.Join("|", allowed)}");
    }

    public static void CheckNonEmpty(List<string> problems, string column, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) problems.Add($"column '{column}' is empty; expected a value");
    }
}

/// <summary>A row that can say what is wrong with it (beyond type conversion, which CsvHelper checks).</summary>
public interface IValidatedRow
{
    /// <summary>Human-readable problems, each naming the column; empty when the row is valid.</summary>
    IEnumerable<string> Problems();
}
