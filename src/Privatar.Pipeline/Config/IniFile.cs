namespace Privatar.Pipeline.Config;

/// <summary>One <c>key = value</c> line of an INI file, with the line it came from.</summary>
public sealed record IniEntry(string Section, string Key, string Value, int Line);

/// <summary>
/// A minimal INI reader for cake.config: <c>[section]</c> headers, <c>key = value</c> lines
/// (spaces around '=' allowed), whole-line comments starting with ';' or '#'. Sections and
/// keys keep their order; a duplicate key in one section is an error, since every value has one home.
/// </summary>
public sealed class IniFile
{
    public string Path { get; }
    public IReadOnlyList<string> Sections { get; }
    public IReadOnlyList<IniEntry> Entries { get; }
    readonly Dictionary<string, int> _sectionLines;

    IniFile(string path, List<string> sections, List<IniEntry> entries, Dictionary<string, int> sectionLines)
    {
        Path = path;
        Sections = sections;
        Entries = entries;
        _sectionLines = sectionLines;
    }

    public int SectionLine(string section) => _sectionLines.TryGetValue(section, out var n) ? n : 0;

    public IEnumerable<IniEntry> In(string section) => Entries.Where(e => e.Section == section);

    public static IniFile Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"{path}: the configuration file does not exist.", path);
        return Parse(path, File.ReadAllLines(path));
    }

    public static IniFile Parse(string path, IReadOnlyList<string> lines)
    {
        var sections = new List<string>();
        var sectionLines = new Dictionary<string, int>(StringComparer.Ordinal);
        var entries = new List<IniEntry>();
        var seen = new HashSet<(string, string)>();
        string? section = null;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            var n = i + 1;
            if (line.Length == 0 || line[0] == ';' || line[0] == '#') continue;
            if (line[0] == '[')
            {
                if (!line.EndsWith(']') || line.Length < 3)
                    throw new ConfigException($"{path}:{n}: '{line}' is not a section header; expected [name].");
                section = line[1..^1].Trim();
                if (!sectionLines.TryAdd(section, n))
                    throw new ConfigException($"{path}:{n}: section [{section}] appears twice (first at line {sectionLines[section]}); every value has exactly one home.");
                sections.Add(section);
                continue;
            }
            var eq = line.IndexOf('=');
            if (eq <= 0)
                throw new ConfigException($"{path}:{n}: '{line}' is not a setting; expected key = value.");
            if (section is null)
                throw new ConfigException($"{path}:{n}: setting '{line}' comes before any [section] header.");
            var key = line[..eq].Trim();
            var value = line[(eq + 1)..].Trim();
            if (!seen.Add((section, key)))
                throw new ConfigException($"{path}:{n}: key '{key}' appears twice in [{section}]; every value has exactly one home.");
            entries.Add(new IniEntry(section, key, value, n));
        }
        return new IniFile(path, sections, entries, sectionLines);
    }
}
