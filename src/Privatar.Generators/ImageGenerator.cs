using Privatar.Accounting;
using Privatar.Core;
using Privatar.Mnist;
using static TorchSharp.torch;

namespace Privatar.Generators;

/// <summary>
/// What every generator is given: the private training set (real 8-bit images, 10 classes), the budget (target ε at δ,
/// σ calibrated for it by <see cref="Accountant"/>), the root seed and how many synthetic images to release.
/// Method hyper-parameters belong to each generator's own settings record.
/// </summary>
public sealed record GeneratorRequest(string Dataset, LabeledImages Train, double TargetEpsilon, double Delta, ulong Seed,
    AccountantOptions Accountant, int Samples, NoiseMode Noise = NoiseMode.Reproducible)
{
    public void Validate()
    {
        PrivacyArguments.Epsilon(TargetEpsilon, "target_epsilon");
        PrivacyArguments.Delta(Delta, "delta");
        if (Samples < 10 || Samples % 10 != 0) throw new ArgumentException($"samples: expected a positive multiple of 10, got {Samples}");
        if (Train.Count == 0) throw new ArgumentException($"{Dataset}: the private training set is empty");
    }

    /// <summary>The private set as tensors: images (n, 1, H, W) float32 in [0, 1], labels (n) int64.</summary>
    public (Tensor Images, Tensor Labels) Tensors() =>
        (tensor(Train.Images.ToFloats(), [Train.Count, 1, Train.Height, Train.Width]) / 255f,
         tensor(Train.Labels.Select(b => (long)b).ToArray(), [Train.Count]));
}

/// <summary>
/// A generator's release: the synthetic set and what it cost; a small set's grid may show all of it. A generator whose
/// trained model can draw further sets (DPDM's denoiser) writes it beside them with <paramref name="WriteModel"/>.
/// </summary>
public sealed record GeneratorOutput(SyntheticSet Set, PrivacyRecord Privacy, int GridColumns = SampleGrid.DefaultColumns, Action<string>? WriteModel = null)
{
    public void Write(string dir)
    {
        Set.Write(dir, Privacy, GridColumns);
        WriteModel?.Invoke(dir);
    }
}

/// <summary>Progress lines; the CLI prints them, tests collect them.</summary>
public delegate void GeneratorLog(string line);

public interface IImageGenerator
{
    /// <summary>The method's name in tables and records ("dp-merf", ...).</summary>
    string Method { get; }

    GeneratorOutput Generate(GeneratorRequest request, GeneratorLog log);
}
