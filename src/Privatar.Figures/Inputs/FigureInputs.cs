using Privatar.Results;

namespace Privatar.Figures;

/// <summary>The result tables of one results folder, each read (and validated) on first use.</summary>
public sealed class FigureInputs(string resultsDir)
{
    readonly Dictionary<string, object> _cache = [];

    public string ResultsDir { get; } = resultsDir;

    public bool Has(IResultFamily family) => File.Exists(Path.Combine(ResultsDir, family.FileName));

    public IReadOnlyList<TrainingCurveRow> TrainingCurves => Get(ResultFamilies.TrainingCurves);
    public IReadOnlyList<TestMetricRow> TestMetrics => Get(ResultFamilies.TestMetrics);
    public IReadOnlyList<LatencyRow> Latency => Get(ResultFamilies.Latency);
    public IReadOnlyList<CapacityRow> Capacity => Get(ResultFamilies.Capacity);
    public IReadOnlyList<NoiseSummaryRow> NoiseSummary => Get(ResultFamilies.NoiseSummary);
    public IReadOnlyList<NoiseVectorRow> NoiseVectors => Get(ResultFamilies.NoiseVectors);
    public IReadOnlyList<NoisyInferenceRow> NoisyInference => Get(ResultFamilies.NoisyInference);
    public IReadOnlyList<AttackRow> Attacks => Get(ResultFamilies.Attacks);
    public IReadOnlyList<FrequencyCovarianceRow> FrequencyCovariance => Get(ResultFamilies.FrequencyCovariance);
    public IReadOnlyList<MnistCurveRow> MnistCurves => Get(ResultFamilies.MnistCurves);
    public IReadOnlyList<MnistAccuracyRow> MnistAccuracy => Get(ResultFamilies.MnistAccuracy);
    public IReadOnlyList<PrivacyAuditRow> PrivacyAudit => Get(ResultFamilies.PrivacyAudit);
    public IReadOnlyList<SynthesisRow> Synthesis => Get(ResultFamilies.Synthesis);
    public IReadOnlyList<SynthesisAblationRow> SynthesisAblation => Get(ResultFamilies.SynthesisAblation);

    /// <summary>The synthesis benchmark's tree of the same profile: results/ and synthesis/ share the artifact root.</summary>
    public Contracts.SynthesisPaths SynthesisTree => new(Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(ResultsDir)))!);

    public IReadOnlyList<GridCell> ReconstructionGrid
    {
        get
        {
            var file = ReconstructionGridFile.Instance;
            if (!_cache.TryGetValue(file.FileName, out var cells))
                _cache[file.FileName] = cells = file.Read(Path.Combine(ResultsDir, file.FileName));
            return (IReadOnlyList<GridCell>)cells;
        }
    }

    IReadOnlyList<T> Get<T>(ResultFamily<T> family) where T : IValidatedRow
    {
        if (!_cache.TryGetValue(family.FileName, out var rows))
            _cache[family.FileName] = rows = ResultCsv.Read(family, ResultsDir);
        return (IReadOnlyList<T>)rows;
    }
}
