using CsvHelper;

namespace Privatar.Results;

/// <summary>
/// <c>mnist_synthetic.csv</c>: a non-private classifier trained on one DP-VAE's synthetic MNIST and tested on real MNIST,
/// per VAE noise multiplier and synthesis fidelity, with the privacy of the released synthetic set.
/// </summary>
[CsvRecord]
public sealed partial record MnistSyntheticRow : IValidatedRow
{
    /// <summary>DP-SGD noise multiplier σ of the VAE.</summary>
    [CsvColumn("vae_sigma")] public double VaeSigma { get; init; }
    /// <summary>Target ε the VAE's σ was calibrated to (empty when σ was set directly).</summary>
    [CsvColumn("vae_target_epsilon")] public double? VaeTargetEpsilon { get; init; }
    /// <summary>ε of the VAE's DP-SGD training alone.</summary>
    [CsvColumn("vae_epsilon")] public double VaeEpsilon { get; init; }
    /// <summary>Held-out per-example loss of the VAE after training.</summary>
    [CsvColumn("vae_test_loss")] public double VaeTestLoss { get; init; }
    /// <summary>original (class latent statistics released exactly: not DP) or corrected (through a Gaussian mechanism).</summary>
    [CsvColumn("fidelity")] public string Fidelity { get; init; } = "";
    /// <summary>Noise multiplier of the statistics' Gaussian mechanism (empty under original).</summary>
    [CsvColumn("stats_noise_multiplier")] public double? StatsNoiseMultiplier { get; init; }
    /// <summary>ε of the released synthetic set: VAE training and the statistics' release composed by the accountant (empty under original: no DP guarantee).</summary>
    [CsvColumn("epsilon")] public double? Epsilon { get; init; }
    /// <summary>δ of the guarantee.</summary>
    [CsvColumn("delta")] public double Delta { get; init; }
    /// <summary>Accountant that produced ε (<c>rdp</c>, <c>prv</c>).</summary>
    [CsvColumn("accountant")] public string Accountant { get; init; } = "";
    /// <summary>Synthetic images per class.</summary>
    [CsvColumn("per_class")] public int PerClass { get; init; }
    /// <summary>Epochs the classifier trained on the synthetic set.</summary>
    [CsvColumn("epochs")] public int Epochs { get; init; }
    /// <summary>Final test accuracy on real MNIST, 0..1.</summary>
    [CsvColumn("test_accuracy")] public double TestAccuracy { get; init; }

    public IEnumerable<string> Problems()
    {
        var p = new List<string>();
        Vocabulary.Check(p, "fidelity", Fidelity, Vocabulary.Fidelities);
        Vocabulary.CheckNonEmpty(p, "accountant", Accountant);
        if (VaeSigma < 0) p.Add($"column 'vae_sigma' is {VaeSigma}; expected >= 0");
        if (Fidelity == "original" && (Epsilon is not null || StatsNoiseMultiplier is not null))
            p.Add("columns 'epsilon' and 'stats_noise_multiplier' must be empty when fidelity is original (the statistics are not private)");
        if (Fidelity == "corrected" && (Epsilon is null || StatsNoiseMultiplier is null))
            p.Add("columns 'epsilon' and 'stats_noise_multiplier' are required when fidelity is corrected");
        if (Epsilon is { } e && e < VaeEpsilon) p.Add($"column 'epsilon' is {e}; expected >= vae_epsilon {VaeEpsilon} (composition never lowers ε)");
        if (PerClass < 1) p.Add($"column 'per_class' is {PerClass}; expected >= 1");
        if (TestAccuracy is < 0 or > 1) p.Add($"column 'test_accuracy' is {TestAccuracy}; expected within [0, 1]");
        return p;
    }
}
