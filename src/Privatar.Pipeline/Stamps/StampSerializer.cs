using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Privatar.Core;

namespace Privatar.Pipeline.Stamps;

/// <summary>
/// Deterministic stamp JSON: fields in <see cref="StampFields"/> order, params by key, deps and outs
/// by path, empty sections omitted, numbers in invariant form, LF line endings.
/// </summary>
public static class StampSerializer
{
    public static string Serialize(Stamp s)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString(StampFields.Schema, Stamp.SchemaVersion);
            w.WriteString(StampFields.Step, s.Step);
            w.WriteString(StampFields.Unit, s.Unit);
            w.WriteString(StampFields.Code, s.Code);
            w.WriteString(StampFields.Command, s.Command);
            WriteMap(w, StampFields.Params, s.Params);
            WriteFiles(w, StampFields.Deps, s.Deps);
            WriteFiles(w, StampFields.Outs, s.Outs);
            w.WritePropertyName(StampFields.WallSeconds);
            w.WriteRawValue(Invariant.Format(Math.Round(s.WallSeconds, 3)));
            WriteMap(w, StampFields.Environment, s.Environment);
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    public static Stamp Parse(string json, string source)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            var schema = Str(r, StampFields.Schema, source);
            if (schema != Stamp.SchemaVersion)
                throw new StampSchemaException($"{source}: stamp schema '{schema}', expected '{Stamp.SchemaVersion}'.");
            return new Stamp(Str(r, StampFields.Step, source), Str(r, StampFields.Unit, source), Str(r, StampFields.Code, source),
                Str(r, StampFields.Command, source), Map(r, StampFields.Params), Files(r, StampFields.Deps, source),
                Files(r, StampFields.Outs, source),
                r.TryGetProperty(StampFields.WallSeconds, out var t) ? t.GetDouble() : 0, Map(r, StampFields.Environment));
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            throw new StampSchemaException($"{source}: not a valid stamp ({e.Message}).");
        }
    }

    static void WriteMap(Utf8JsonWriter w, string name, IReadOnlyDictionary<string, string> map)
    {
        if (map.Count == 0) return;
        w.WriteStartObject(name);
        foreach (var (k, v) in map.OrderBy(k => k.Key, StringComparer.Ordinal)) w.WriteString(k, v);
        w.WriteEndObject();
    }

    static void WriteFiles(Utf8JsonWriter w, string name, IReadOnlyList<StampedFile> files)
    {
        if (files.Count == 0) return;
        w.WriteStartArray(name);
        foreach (var f in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            w.WriteStartObject();
            w.WriteString(StampFields.Path, f.Path);
            w.WriteString(StampFields.Hash, f.Hash);
            w.WriteNumber(StampFields.Size, f.Size);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    }

    static string Str(JsonElement r, string name, string source) =>
        r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()!
            : throw new StampSchemaException($"{source}: stamp field '{name}' is missing or not a string.");

    static Dictionary<string, string> Map(JsonElement r, string name) =>
        r.TryGetProperty(name, out var m) ? m.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal) : [];

    static List<StampedFile> Files(JsonElement r, string name, string source) =>
        r.TryGetProperty(name, out var a)
            ? a.EnumerateArray().Select(f => new StampedFile(Str(f, StampFields.Path, source), Str(f, StampFields.Hash, source),
                f.GetProperty(StampFields.Size).GetInt64())).ToList()
            : [];
}
