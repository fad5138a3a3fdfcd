using System.Globalization;

namespace Privatar.Data.Format;

/// <summary>Line-oriented number parsing whose errors name the file, the 1-based line and what was expected.</summary>
internal static class TextParsing
{
    public static string[] ReadLines(string path, string what)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found (expected {what})", path);
        return File.ReadAllLines(path);
    }

    public static string[] Tokens(string line) =>
        line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Parses exactly <paramref name="count"/> numbers from line <paramref name="lineIndex"/> (0-based).</summary>
    public static double[] Numbers(string[] lines, int lineIndex, int count, string path, string what)
    {
        if (lineIndex >= lines.Length)
            throw new FormatException($"{path}:{lineIndex + 1}: file ends early; expected {what} ({count} numbers)");
        var tokens = Tokens(lines[lineIndex]);
        if (tokens.Length != count)
            throw new FormatException($"{path}:{lineIndex + 1}: expected {what} ({count} numbers), found {tokens.Length} fields: '{lines[lineIndex].Trim()}'");
        var values = new double[count];
        for (int i = 0; i < count; i++)
            if (!double.TryParse(tokens[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]))
                throw new FormatException($"{path}:{lineIndex + 1}: expected {what} ({count} numbers), '{tokens[i]}' is not a number");
        return values;
    }

    public static double Number(string token, string path, int lineIndex, string what)
    {
        if (!double.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            throw new FormatException($"{path}:{lineIndex + 1}: expected {what}, '{token}' is not a number");
        return v;
    }

    public static int Int(string token, string path, int lineIndex, string what)
    {
        if (!int.TryParse(token, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
            throw new FormatException($"{path}:{lineIndex + 1}: expected {what}, '{token}' is not an integer");
        return v;
    }
}
