using System.Globalization;

namespace Privatar.Data.Generator;

/// <summary>The [data] section of cake.config (keys without the "data." prefix) to a <see cref="GeneratorConfig"/>.</summary>
public static class GeneratorSettings
{
    public const string Section = "data";

    /// <summary>Every key of the section, in file order; the pipeline declares exactly these as the step's params.</summary>
    public static readonly IReadOnlyList<string> Keys =
    [
        "seed", "texture_size", "photo_width", "photo_height", "mesh_rows", "mesh_cols",
        "expressions", "frames_per_expression", "rom_frames", "cameras",
    ];

    /// <summary>Builds the config from all keys of the section; a missing, unknown or non-integer key is an error naming it.</summary>
    public static GeneratorConfig FromSection(IReadOnlyDictionary<string, string> values, int threads = 0)
    {
        foreach (var k in values.Keys)
            if (!Keys.Contains(k)) throw new ArgumentException($"[{Section}] {k}: unknown key; expected one of {string.Join(", ", Keys)}");
        int Get(string key)
        {
            if (!values.TryGetValue(key, out var raw)) throw new ArgumentException($"[{Section}] {key}: missing; every generator setting must be given");
            if (!int.TryParse(raw.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v))
                throw new ArgumentException($"[{Section}] {key} = '{raw}': expected an integer");
            return v;
        }
        var cfg = new GeneratorConfig
        {
            Seed = Get("seed"), TextureSize = Get("texture_size"), PhotoWidth = Get("photo_width"), PhotoHeight = Get("photo_height"),
            MeshRows = Get("mesh_rows"), MeshCols = Get("mesh_cols"), Expressions = Get("expressions"),
            FramesPerExpression = Get("frames_per_expression"), RomFrames = Get("rom_frames"), Cameras = Get("cameras"), Threads = threads,
        };
        cfg.Validate();
        return cfg;
    }
}
