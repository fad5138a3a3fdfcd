namespace Privatar.Pipeline.Stamps;

/// <summary>A recorded file: repository-relative path, xxHash128 of its content, size in bytes.</summary>
public sealed record StampedFile(string Path, string Hash, long Size);

/// <summary>
/// What a unit's last successful run recorded (the twin of a dvc.lock entry). <see cref="Params"/>,
/// <see cref="Code"/>, <see cref="Command"/>, <see cref="Deps"/> and <see cref="Outs"/> decide staleness;
/// <see cref="WallSeconds"/> and <see cref="Environment"/> are provenance only and never compared.
/// </summary>
public sealed record Stamp(
    string Step,
    string Unit,
    string Code,
    string Command,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyList<StampedFile> Deps,
    IReadOnlyList<StampedFile> Outs,
    double WallSeconds,
    IReadOnlyDictionary<string, string> Environment)
{
    public const string SchemaVersion = "1";
}

/// <summary>The JSON field names of a stamp, in the order they are written.</summary>
public static class StampFields
{
    public const string Schema = "schema";
    public const string Step = "step";
    public const string Unit = "unit";
    public const string Code = "code";
    public const string Command = "cmd";
    public const string Params = "params";
    public const string Deps = "deps";
    public const string Outs = "outs";
    public const string Path = "path";
    public const string Hash = "xxh128";
    public const string Size = "size";
    public const string WallSeconds = "wall_seconds";
    public const string Environment = "env";
}

/// <summary>A stamp file that is not valid JSON, lacks a field, or has another schema version.</summary>
public sealed class StampSchemaException(string message) : IOException(message);
