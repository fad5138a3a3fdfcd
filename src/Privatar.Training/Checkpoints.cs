using System.Text.Json;
using Privatar.Core;
using Privatar.Interop;
using Privatar.Models;
using Privatar.Models.Variants;
using Privatar.Torch;
using static TorchSharp.torch;
using Privatar.Contracts;

namespace Privatar.Training;

/// <summary>
/// What a checkpoint's JSON sidecar records: enough to rebuild the model before loading its weights, and where its
/// weights started (the SHA-256 of the original's pretrained checkpoint, or null when trained from scratch or from ours).
/// </summary>
public sealed record CheckpointInfo(
    string Variant, string Config, int? Bits, double? Ratio, int? Offloaded,
    int TexSize, int Vertices, int Latent, int Cameras, string Fidelity, long Seed,
    int Iterations, int SkippedBatches, int BestIteration, double BestValLoss, string BestValMetric, IReadOnlyList<string> CopiedFromBaseline,
    IReadOnlyList<string> FreshKeys, string? PretrainedSha256 = null);

/// <summary>
/// Checkpoints are TorchSharp state dicts (<c>Module.save</c>) written atomically, with a JSON sidecar. Variants
/// start from a baseline the way the original's start from its pretrained checkpoint (§3): quantization copies every
/// key; sparse prunes the loaded baseline; direct split, frequency decompose and partition copy every key whose name
/// does not contain "texture_encoder" or "texture_decoder" and that the baseline has, and keep the rest at their fresh
/// initialisation. The baseline is our trained one, or the original's pretrained checkpoint ([train] pretrained).
/// </summary>
public static class Checkpoints
{
    public static void Save(nn.Module model, string path) => ModuleFiles.Save(path, model);

    public static void Load(nn.Module model, string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: checkpoint not found", path);
        using var s = File.OpenRead(path);
        try { model.load(s, strict: true); }
        catch (Exception e) when (e is EndOfStreamException or IOException or ArgumentException or FormatException or InvalidOperationException or NotImplementedException)
        {
            // TorchSharp reports a short or foreign file as a bare stream or argument error, without the path
            throw new InvalidDataException($"{path}: not a complete TorchSharp checkpoint of this model ({e.GetType().Name}: {e.Message}); " +
                "expected the state dict `privatar vae train` writes, e.g. best_model.pt. Retrain it, or point to an intact copy.", e);
        }
    }

    public static void WriteInfo(string path, CheckpointInfo info) =>
        AtomicFile.WriteAllText(path, JsonSerializer.Serialize(info, Json) + "\n");

    public static CheckpointInfo ReadInfo(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: checkpoint description not found", path);
        try
        {
            return JsonSerializer.Deserialize<CheckpointInfo>(File.ReadAllText(path), Json)
                ?? throw new InvalidDataException($"{path}: empty checkpoint description");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a checkpoint description ({e.Message}); expected the checkpoint.json `privatar vae train` writes.", e);
        }
    }

    static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    /// <summary>Builds <paramref name="spec"/>'s model and initialises it from our trained baseline's checkpoint.</summary>
    public static (AvatarVae Model, IReadOnlyList<string> Copied, IReadOnlyList<string> Fresh) FromBaseline(
        ModelConfig spec, VaeConfig cfg, long seed, string baselineCheckpoint)
    {
        var baseline = new DeepAppearanceVae(cfg);
        Load(baseline, baselineCheckpoint);
        return FromBaseline(spec, cfg, seed, baseline, baselineCheckpoint);
    }

    /// <summary>
    /// Builds <paramref name="spec"/>'s model from the original's pretrained checkpoint (a PyTorch state dict of
    /// DeepAppearanceVAE, keys with or without 'module.'), which must match a baseline of this size exactly.
    /// </summary>
    public static (AvatarVae Model, IReadOnlyList<string> Copied, IReadOnlyList<string> Fresh) FromPretrained(
        ModelConfig spec, VaeConfig cfg, long seed, string pretrained)
    {
        var baseline = new DeepAppearanceVae(cfg);
        using (var file = PyTorchStateDict.Read(pretrained)) StateDictTransfer.LoadStrict(baseline, file);
        return FromBaseline(spec, cfg, seed, baseline, pretrained);
    }

    /// <summary>
    /// <paramref name="spec"/>'s model initialised from <paramref name="baseline"/> (which it takes over) by the original's
    /// rule; an eligible key whose shape differs fails, as the original's strict load_state_dict does.
    /// </summary>
    static (AvatarVae Model, IReadOnlyList<string> Copied, IReadOnlyList<string> Fresh) FromBaseline(
        ModelConfig spec, VaeConfig cfg, long seed, DeepAppearanceVae baseline, string sourcePath)
    {
        switch (spec.Variant)
        {
            case VaeVariant.Baseline:
                return (baseline, Keys(baseline), []);
            case VaeVariant.Sparse:
                var pruned = Vae.Sparse(baseline, spec.Ratio!.Value, seed);
                baseline.Dispose();
                return (pruned, Keys(pruned).Where(k => !k.StartsWith("dec.texture_decoder.", StringComparison.Ordinal)).ToList(),
                        Keys(pruned).Where(k => k.StartsWith("dec.texture_decoder.", StringComparison.Ordinal)).ToList());
        }
        var model = spec.Create(cfg, seed);
        var copyAll = spec.Variant == VaeVariant.Quantization;
        var source = baseline.state_dict();
        var copied = new List<string>();
        var fresh = new List<string>();
        using (no_grad())
            foreach (var (name, target) in model.state_dict())
            {
                var eligible = copyAll || !(name.Contains("texture_encoder", StringComparison.Ordinal) || name.Contains("texture_decoder", StringComparison.Ordinal));
                if (eligible && source.TryGetValue(name, out var src))
                {
                    if (!src.shape.SequenceEqual(target.shape))
                        throw new InvalidDataException($"{sourcePath}: key '{name}' has shape {StateDictTransfer.Shape(src)}, {spec} copies it into {StateDictTransfer.Shape(target)}");
                    target.copy_(src);
                    copied.Add(name);
                }
                else fresh.Add(name);
            }
        if (copyAll && fresh.Count > 0) throw new InvalidDataException($"{sourcePath}: quantization copies every key, but the baseline lacks {string.Join(", ", fresh)}");
        model.BeforeTrainingStep();   // quantization: project the copied weights onto the grid
        baseline.Dispose();
        return (model, copied, fresh);
    }

    /// <summary>
    /// Rebuilds a trained model from its checkpoint and sidecar (sparse needs the pruned shapes first). Quantization
    /// re-projects its weights for testing, as the original's test.py does, unless <paramref name="asSaved"/>.
    /// </summary>
    public static AvatarVae Restore(string checkpoint, CheckpointInfo info, bool asSaved = false)
    {
        var spec = ModelConfig.Parse(info.Variant, info.Bits, info.Ratio, info.Offloaded);
        var cfg = new VaeConfig
        {
            TexSize = info.TexSize, Vertices = info.Vertices, Latent = info.Latent, Cameras = info.Cameras,
            Fidelity = Enum.Parse<Fidelity>(info.Fidelity, ignoreCase: true),
        };
        var model = spec.Create(cfg, info.Seed);
        Load(model, checkpoint);
        if (!asSaved) model.BeforeTrainingStep();   // quantization: the original quantizes once after loading for test
        return model;
    }

    static List<string> Keys(nn.Module m) => m.state_dict().Keys.ToList();
}
