using System.Globalization;

namespace Privatar.Core;

/// <summary>Number formatting for anything written to an artifact: invariant culture, round-trip precision.</summary>
public static class Invariant
{
    public static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Shortest text that parses back to the same double ("R" semantics).</summary>
    public static string Format(double value) => value.ToString("R", Culture);

    public static string Format(float value) => value.ToString("R", Culture);

    public static string Format(long value) => value.ToString(Culture);

    public static double ParseDouble(string text) => double.Parse(text, NumberStyles.Float, Culture);
}
