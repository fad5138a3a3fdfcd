using Privatar.Pipeline.Stamps;

namespace Privatar.Reporting;

/// <summary>One pipeline stamp and where it was read from, or why it could not be read.</summary>
public sealed record StampEntry(string File, Stamp? Stamp, string Error);

/// <summary>
/// Reads the pipeline's stamps (<c>artifacts/&lt;profile&gt;/.pipeline/stamps/&lt;Step&gt;/&lt;unit&gt;.json</c>) with the
/// engine's own parser, in step folder order then unit name; an unreadable stamp is kept with its error.
/// </summary>
public static class StampReader
{
    public static IReadOnlyList<StampEntry> ReadAll(string root)
    {
        if (!Directory.Exists(root)) return [];
        return Directory.EnumerateFiles(root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).Select(f =>
        {
            var display = Path.GetRelativePath(root, f).Replace('\\', '/');
            try { return new StampEntry(display, StampSerializer.Parse(File.ReadAllText(f), display), ""); }
            catch (StampSchemaException e) { return new StampEntry(display, null, e.Message); }
        }).ToList();
    }
}
