namespace Privatar.Interop;

/// <summary>
/// How the original checkpoint's keys name our tensors. Our modules carry the original's attribute names
/// (enc, dec, cc; texture_encoder.downsample.{i}.conv{1,2}; texture_decoder.upsample.{i}.conv{1,2}.deconv; ...), and
/// our weight-normalised layers store their tensors under the original's names: <c>weight</c> is the direction v (the
/// effective weight is v·g/‖v‖_F over the whole tensor), <c>g</c> the per-output-channel gain, <c>bias</c> the bias.
/// So a key maps to itself once the <c>module.</c> prefix of a DataParallel-wrapped save is removed.
/// torch.nn.utils.weight_norm names the same pair <c>weight_v</c>/<c>weight_g</c> but normalises per output channel:
/// such a checkpoint is another architecture, and is refused as one.
/// </summary>
public static class OriginalKeys
{
    /// <summary>What nn.DataParallel puts before every key; the original's pretrained checkpoint has it, its train.py strips it.</summary>
    public const string DataParallelPrefix = "module.";

    /// <summary>The weight-normalised layer's tensors: (our key suffix, the original's key suffix, what it is).</summary>
    public static readonly IReadOnlyList<(string Ours, string Original, string Meaning)> WeightNorm =
    [
        ("weight", "weight", "direction v, normalised over the whole tensor"),
        ("g", "g", "gain, one per output channel"),
        ("bias", "bias", "bias, one per output channel"),
    ];

    /// <summary>Our key for a key of the original checkpoint (which must carry the prefix exactly when <paramref name="prefixed"/>).</summary>
    public static string ToOurs(string original, bool prefixed) =>
        !prefixed ? original
        : original.StartsWith(DataParallelPrefix, StringComparison.Ordinal) ? original[DataParallelPrefix.Length..]
        : throw new ArgumentException($"key '{original}' lacks the '{DataParallelPrefix}' prefix that the checkpoint's other keys carry");

    /// <summary>The key an export writes: the original model's own state_dict key (no DataParallel prefix, as train.py saves it).</summary>
    public static string ToOriginal(string ours) => ours;

    /// <summary>A hint when a key looks like torch.nn.utils.weight_norm's layout rather than the original's.</summary>
    internal static string? Hint(string key) =>
        key.EndsWith(".weight_g", StringComparison.Ordinal) || key.EndsWith(".weight_v", StringComparison.Ordinal)
            ? " (torch.nn.utils.weight_norm's names; the original's layers store v as 'weight' and g as 'g', normalised over the whole tensor)"
            : null;
}
