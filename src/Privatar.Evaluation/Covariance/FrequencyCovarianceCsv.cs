using System.Text;
using Privatar.Core;

namespace Privatar.Evaluation.Covariance;

/// <summary>The step-8 output: 16 rows <c>component,original,corrected,samples</c>, invariant culture, written atomically.</summary>
public static class FrequencyCovarianceCsv
{
    public const string Header = "component,original,corrected,samples";

    public static string Format(IReadOnlyList<FrequencyCovarianceRow> rows)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in rows)
            sb.Append(Invariant.Format(r.Component)).Append(',')
              .Append(Invariant.Format(r.Original)).Append(',')
              .Append(Invariant.Format(r.Corrected)).Append(',')
              .Append(Invariant.Format(r.Samples)).Append('\n');
        return sb.ToString();
    }

    public static void Write(string path, IReadOnlyList<FrequencyCovarianceRow> rows)
    {
        if (rows.Count != FrequencyCovariance.Components)
            throw new ArgumentException($"{path}: expected {FrequencyCovariance.Components} covariance rows, got {rows.Count}");
        AtomicFile.WriteAllText(path, Format(rows));
    }
}
