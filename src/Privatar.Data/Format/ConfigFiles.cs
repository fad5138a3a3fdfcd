using System.Text.Json;
using Privatar.Core;

namespace Privatar.Data.Format;

/// <summary>
/// The two JSON configs of the original: the camera split <c>{"full": {"train": [...], "test": [...], ...}}</c>
/// and the test segment <c>{"segment": ["EXP_ROM", ...]}</c> (expression-name prefixes of the test split).
/// </summary>
public static class ConfigFiles
{
    /// <summary>The original's test_segment.json: the range-of-motion and free-face segments are held out.</summary>
    public static readonly IReadOnlyList<string> DefaultTestPrefixes = ["EXP_ROM", "EXP_free_face"];

    public const string CameraSplitKey = "full";

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadCameraSplit(string path)
    {
        using var doc = Parse(path, "a camera split config {\"full\": {\"train\": [...], \"test\": [...]}}");
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty(CameraSplitKey, out var full) || full.ValueKind != JsonValueKind.Object)
            throw new InvalidDataException($"{path}: expected an object with key \"{CameraSplitKey}\" holding the camera sets");
        var sets = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var p in full.EnumerateObject()) sets[p.Name] = Strings(p.Value, path, $"{CameraSplitKey}.{p.Name}");
        return sets;
    }

    public static IReadOnlyList<string> ReadTestPrefixes(string path)
    {
        using var doc = Parse(path, "a test segment config {\"segment\": [prefixes]}");
        if (doc.RootElement.ValueKind != JsonValueKind.Object || !doc.RootElement.TryGetProperty("segment", out var seg))
            throw new InvalidDataException($"{path}: expected an object with key \"segment\" holding expression-name prefixes");
        return Strings(seg, path, "segment");
    }

    public static void WriteCameraSplit(string path, IEnumerable<KeyValuePair<string, IReadOnlyList<string>>> sets) =>
        WriteJson(path, w =>
        {
            w.WriteStartObject(CameraSplitKey);
            foreach (var (name, cams) in sets) WriteArray(w, name, cams);
            w.WriteEndObject();
        });

    public static void WriteTestPrefixes(string path, IReadOnlyList<string> prefixes) =>
        WriteJson(path, w => WriteArray(w, "segment", prefixes));

    static JsonDocument Parse(string path, string what)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: file not found (expected {what})", path);
        try { return JsonDocument.Parse(File.ReadAllBytes(path)); }
        catch (JsonException e) { throw new FormatException($"{path}:{e.LineNumber + 1}: invalid JSON, expected {what}: {e.Message}", e); }
    }

    static IReadOnlyList<string> Strings(JsonElement e, string path, string key)
    {
        if (e.ValueKind != JsonValueKind.Array || e.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
            throw new InvalidDataException($"{path}: key \"{key}\" must be an array of strings");
        return e.EnumerateArray().Select(x => x.GetString()!).ToArray();
    }

    static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }

    static void WriteJson(string path, Action<Utf8JsonWriter> body)
    {
        using var ms = new MemoryStream();
        using (var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Indented = true, NewLine = "\n" }))
        {
            w.WriteStartObject();
            body(w);
            w.WriteEndObject();
        }
        ms.WriteByte((byte)'\n');
        AtomicFile.WriteAllBytes(path, ms.ToArray());
    }
}
