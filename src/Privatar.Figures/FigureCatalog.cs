namespace Privatar.Figures;

/// <summary>
/// Every figure the build draws: one recipe per figure of the original notebook (cells 0–16; cell 1 is a header,
/// cell 9 overwrites cell 8), plus the figures the original lacks. Training curves and the fidelity noise comparison
/// get one figure per model or MI bound present in the data. The texture/render comparison grid is not here yet.
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
        new ExtraFidelityAttack("pac"), new ExtraFidelityAttack("dp"),
        new ExtraMnist(curves: false), new ExtraMnist(curves: true),
    ];

    /// <summary>The paper figures, the fixed extras, and one figure per trained model and per MI bound found in <paramref name="data"/>.</summary>
    public static IReadOnlyList<IFigure> For(FigureInputs data)
    {
        var all = new List<IFigure>(Paper);
        if (data.Has(Results.ResultFamilies.NoiseSummary))
            all.AddRange(data.NoiseSummary.Select(r => r.Mi).Distinct().Order().Select(mi => new ExtraFidelityNoise(mi)));
        all.AddRange(Extras);
        if (data.Has(Results.ResultFamilies.TrainingCurves))
            all.AddRange(data.TrainingCurves.Select(r => (r.Variant, r.Config)).Distinct().Order().Select(k => new ExtraTrainingCurves(k.Variant, k.Config)));
        return all;
    }
}
