using Privatar.Results;

namespace Privatar.Figures;

/// <summary>
/// Every figure the build draws: one recipe per figure of the original notebook (cells 0–16; cell 1 is a header,
/// cell 9 overwrites cell 8), plus the figures the original lacks. Training curves get one figure per trained model.
/// The pipeline's Figures step (src/Privatar.Steps/FiguresStep.cs) plans one unit per figure by <see cref="Find"/>.
/// </summary>
public static class FigureCatalog
{
    public static IReadOnlyList<IFigure> Paper { get; } =
    [
        new Fig00UsersVsOffloaded(),
        new Fig02CovariancePerComponent("original"), new Fig02CovariancePerComponent("corrected"),
        new Fig03CovariancePie("original"), new Fig03CovariancePie("corrected"),
        new Fig04AccuracyCapacity("quest_pro"), new Fig04AccuracyCapacity("quest_3"),
        new Fig06TotalUsers("quest_3"), new Fig06TotalUsers("quest_pro"),
        new Fig07LatencyBreakdown("quest_3", tee: false), new Fig07LatencyBreakdown("quest_pro", tee: false),
        new Fig07LatencyBreakdown("quest_pro", tee: true), new Fig07LatencyBreakdown("quest_3", tee: true),
        new Fig12ReconstructionLoss("pac"), new Fig12ReconstructionLoss("dp"),
        new Fig13PsrVsOffloaded("empirical", adaptive: false), new Fig13PsrVsOffloaded("nn", adaptive: false), new Fig13PsrVsOffloaded("nn", adaptive: true),
        new Fig14NoiseMagnitude("original"), new Fig14NoiseMagnitude("corrected"),
        new Fig15NoiseRadar(vectors: false), new Fig15NoiseRadar(vectors: true),
    ];

    public static IReadOnlyList<IFigure> Extras { get; } =
    [
        new ExtraFidelityNoise(), new ExtraFidelityAttack("pac"), new ExtraFidelityAttack("dp"),
        new ExtraMnist(curves: false), new ExtraMnist(curves: true), new ExtraPrivacyAudit(),
        new ExtraReconstructionGrid(),
    ];

    const string CurvesPrefix = "extra_training_curves_";

    /// <summary>The paper figures, the fixed extras, and one training-curves figure per trained model found in <paramref name="data"/>.</summary>
    public static IReadOnlyList<IFigure> For(FigureInputs data)
    {
        var all = new List<IFigure>(Paper);
        all.AddRange(Extras);
        if (data.Has(ResultFamilies.TrainingCurves))
            all.AddRange(data.TrainingCurves.Select(r => (r.Variant, r.Config)).Distinct().Order().Select(k => new ExtraTrainingCurves(k.Variant, k.Config)));
        if (data.Has(ResultFamilies.Synthesis))
            all.AddRange(data.Synthesis.Select(r => r.Dataset).Distinct().SelectMany(Synthesis));
        if (data.Has(ResultFamilies.SynthesisAblation))
            all.AddRange(data.SynthesisAblation.Select(r => r.Dataset).Distinct().SelectMany(SynthesisAblation));
        return all;
    }

    /// <summary>The synthesis benchmark's figures of one dataset: seed heat table, accuracy and FID vs ε, sample gallery.</summary>
    public static IReadOnlyList<IFigure> Synthesis(string dataset) =>
        [new ExtraSynthesisSeedTable(dataset), new ExtraSynthesisVsEpsilon(dataset, fid: false), new ExtraSynthesisVsEpsilon(dataset, fid: true), new ExtraSynthesisSamples(dataset)];

    /// <summary>DPDM's noise-multiplicity ablation on one dataset: accuracy and FID vs K.</summary>
    public static IReadOnlyList<IFigure> SynthesisAblation(string dataset) =>
        [new ExtraSynthesisVsNoiseLevels(dataset, fid: false), new ExtraSynthesisVsNoiseLevels(dataset, fid: true)];

    /// <summary>
    /// The recipe of a figure name: a paper figure or fixed extra, <c>extra_training_curves_&lt;variant&gt;_&lt;config&gt;</c>
    /// for a variant of <see cref="Vocabulary.Variants"/>, or a synthesis figure of a dataset of <see cref="Vocabulary.SynthesisDatasets"/>. Throws naming the known figures otherwise.
    /// </summary>
    public static IFigure Find(string name)
    {
        if (Paper.Concat(Extras).FirstOrDefault(f => f.Name == name) is { } fixedFigure) return fixedFigure;
        if (name.StartsWith(CurvesPrefix, StringComparison.Ordinal))
        {
            var rest = name[CurvesPrefix.Length..];
            var variant = Vocabulary.Variants.OrderByDescending(v => v.Length).FirstOrDefault(v => rest.StartsWith(v + "_", StringComparison.Ordinal));
            if (variant is not null && rest.Length > variant.Length + 1) return new ExtraTrainingCurves(variant, rest[(variant.Length + 1)..]);
        }
        if (Vocabulary.SynthesisDatasets.SelectMany(d => Synthesis(d).Concat(SynthesisAblation(d))).FirstOrDefault(f => f.Name == name) is { } synthesis) return synthesis;
        throw new ArgumentException($"unknown figure '{name}'; expected one of {string.Join(", ", Paper.Concat(Extras).Select(f => f.Name))}, " +
            $"{CurvesPrefix}<variant>_<config> or a synthesis figure ({string.Join(", ", Synthesis("<dataset>").Concat(SynthesisAblation("<dataset>")).Select(f => f.Name))})");
    }
}
