using System.Text;
using Privatar.Models;
using Privatar.Noise;
using Privatar.Contracts;

namespace Privatar.Training.Noisy;

/// <summary>
/// From the Noise step's files to <see cref="NoiseCase"/>s (reference §5.1 and §4). The noise goes on the latent the
/// model offloads, with the file of that latent: the baseline's whole z (completely offloaded decoder), direct
/// split's z_texture (offloaded n = 16), partition n's z_offload (offloaded n). Under both fidelities the file is read
/// as the original reads it, a covariance diagonal, which NoiseArtifacts.LoadNoiseTransform turns into A (noise = A·ε):
/// original DP files hold σ (so σ acts as a variance, the original's quirk), corrected DP files hold σ²; corrected PAC
/// is rotated by the eigenbasis. Corrected DP first clips each row to the clip bound its sensitivity assumes.
/// </summary>
public static class NoisyCases
{
    public static NoiseTarget TargetOf(ModelConfig spec) => spec.Variant switch
    {
        VaeVariant.Baseline => NoiseTarget.Baseline,
        VaeVariant.DirectSplit => NoiseTarget.DirectSplit,
        VaeVariant.Partition => NoiseTarget.Offloaded(spec.Offloaded!.Value),
        _ => throw new ArgumentException($"noisy inference: {spec} sends no latent to the cloud; expected baseline, direct_split or partition"),
    };

    /// <summary>The original writes PAC noise for partition and direct split only (no PAC statistics for the baseline).</summary>
    public static IReadOnlyList<NoiseKind> Mechanisms(ModelConfig spec) =>
        spec.Variant == VaeVariant.Baseline ? [NoiseKind.Dp] : [NoiseKind.Dp, NoiseKind.Pac];

    public static string MechanismName(NoiseKind kind) => kind == NoiseKind.Dp ? "dp" : "pac";

    public static NoiseKind ParseMechanism(string text) => text switch
    {
        "dp" => NoiseKind.Dp,
        "pac" => NoiseKind.Pac,
        _ => throw new ArgumentException($"--mechanism: expected dp or pac, got '{text}'"),
    };

    /// <summary>
    /// The noise seed of one model: its own stream (<see cref="Privatar.Core.SeedStreams"/>, unit = the model id). Every
    /// case of a model (mechanism, fidelity, MI) draws the same ε, so their differences come from the noise files alone.
    /// </summary>
    public static long NoiseSeed(long rootSeed, ModelConfig spec) =>
        Privatar.Core.SeedStreams.Derive(rootSeed, Privatar.Core.SeedPurpose.NoisyInferenceNoise, spec.Id);

    /// <summary>One noisy case from the files of one fidelity's noise folder (<c>noise/&lt;fidelity&gt;/</c>).</summary>
    public static NoiseCase Load(string noiseDir, NoiseKind kind, NoiseFidelity fidelity, ModelConfig spec, double mi, int classes, double clipBound, long rootSeed,
        Privatar.Core.NoiseMode noise = Privatar.Core.NoiseMode.Reproducible)
    {
        if (!Mechanisms(spec).Contains(kind)) throw new ArgumentException($"noisy inference: no {MechanismName(kind)} noise for {spec} (the original writes PAC noise for partition and direct split only)");
        if (!(mi > 0)) throw new ArgumentException($"--mi: expected a positive MI bound, got {mi}");
        var transform = NoiseArtifacts.LoadNoiseTransform(noiseDir, kind, TargetOf(spec), mi, fidelity);
        double? clip = kind == NoiseKind.Dp && fidelity == NoiseFidelity.Corrected ? clipBound : null;
        if (clip is { } c && !(c > 0)) throw new ArgumentException($"noise.dp_clip_bound: expected a positive L2 norm, got {c}");
        return new NoiseCase(MechanismName(kind), fidelity.Name(), mi, MiBound.Psr(fidelity, mi, classes), transform, clip, NoiseSeed(rootSeed, spec), noise);
    }

    /// <summary>A grid or table label: <c>baseline</c>, <c>direct split</c>, <c>partition n=8</c>.</summary>
    public static string Label(ModelConfig spec) => spec.Variant switch
    {
        VaeVariant.Partition => $"partition n={spec.Offloaded}",
        VaeVariant.DirectSplit => "direct split",
        _ => spec.VariantName,
    };

    /// <summary><c>partition n=14 + pac MI=1 (corrected)</c>.</summary>
    public static string Label(ModelConfig spec, NoiseCase c) =>
        c.IsClean ? Label(spec) : $"{Label(spec)} + {c.Mechanism} MI={Privatar.Core.Invariant.Format(c.Mi!.Value)} ({c.Fidelity})";
}
