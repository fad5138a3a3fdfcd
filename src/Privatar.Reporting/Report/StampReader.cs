using System.Text.Json;

namespace Privatar.Reporting;

/// <summary>One pipeline stamp, read loosely: whatever fields it has, flattened to text.</summary>
public sealed record StampSummary(string File, string Unit, string Parameters, string Inputs, string Outputs, string Time, string Other);

/// <summary>
/// Reads the pipeline's <c>*.stamp.json</c> files without depending on their record type (the pipeline engine owns
/// the schema): the unit name, parameters, dependency and output hashes and the run time are picked out by field
/// name where present, and every other top-level field is shown as it is.
/// </summary>
public static class StampReader
{
    static readonly string[] UnitKeys = ["unit", "step", "name", "id"];
    static readonly string[] ParamKeys = ["params", "parameters"];
    static readonly string[] InputKeys = ["deps", "inputs", "dependencies"];
    static readonly string[] OutputKeys = ["outs", "outputs"];
    static readonly string[] TimeKeys = ["duration", "duration_s", "seconds", "elapsed", "elapsed_s", "time_s", "wall_s"];

    public static IReadOnlyList<StampSummary> ReadAll(string root)
    {
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateFiles(root, "*.stamp.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Select(f => Read(f, Path.GetRelativePath(root, f))).ToList();
    }

    public static StampSummary Read(string path, string display)
    {
        JsonElement root;
        try { root = JsonDocument.Parse(File.ReadAllText(path)).RootElement; }
        catch (JsonException e) { return new StampSummary(display, "(unreadable)", "", "", "", "", $"invalid JSON: {e.Message}"); }
        if (root.ValueKind != JsonValueKind.Object) return new StampSummary(display, "(unreadable)", "", "", "", "", "not a JSON object");
        var used = new HashSet<string>();
        string Pick(string[] keys)
        {
            foreach (var p in root.EnumerateObject())
                if (keys.Contains(p.Name, StringComparer.OrdinalIgnoreCase)) { used.Add(p.Name); return Flatten(p.Value); }
            return "";
        }
        var unit = Pick(UnitKeys);
        var s = new StampSummary(display, unit.Length > 0 ? unit : Path.GetFileName(display).Replace(".stamp.json", ""),
            Pick(ParamKeys), Pick(InputKeys), Pick(OutputKeys), Pick(TimeKeys), "");
        var other = root.EnumerateObject().Where(p => !used.Contains(p.Name)).Select(p => $"{p.Name}: {Flatten(p.Value)}");
        return s with { Other = string.Join("; ", other) };
    }

    /// <summary>Compact text for any JSON value: objects as k=v, arrays joined, long hashes shortened to 12 characters.</summary>
    static string Flatten(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => string.Join(", ", e.EnumerateObject().Select(p => $"{p.Name}={Flatten(p.Value)}")),
        JsonValueKind.Array => string.Join("; ", e.EnumerateArray().Select(Flatten)),
        JsonValueKind.String => Shorten(e.GetString() ?? ""),
        _ => e.GetRawText(),
    };

    static string Shorten(string s) => s.Length >= 32 && s.All(Uri.IsHexDigit) ? s[..12] + "…" : s;
}
