using System.Xml.Linq;

namespace Privatar.Pipeline.Hashing;

/// <summary>
/// What a step's <c>Code</c> entries stand for. A glob or path is itself; <c>project:Name</c> is the source of
/// <c>src/Name</c> (its .cs files, never bin/ or obj/, and its .csproj) and of every project it references, transitively,
/// read from the .csproj files, plus the repository-wide build settings (package versions, compiler options). A step
/// that names the projects its verb calls thus covers everything that can change their bytes, with nothing to keep in
/// step with the code by hand.
/// </summary>
public static class CodeSources
{
    public const string ProjectPrefix = "project:";

    /// <summary>Files every project's build reads: package versions and compiler settings.</summary>
    static readonly string[] BuildSettings = ["Directory.Build.props", "Directory.Build.targets", "Directory.Packages.props"];

    /// <summary>The entry naming project <paramref name="name"/> (<c>src/&lt;name&gt;/&lt;name&gt;.csproj</c>) and its references.</summary>
    public static string Project(string name) => ProjectPrefix + name;

    /// <summary>The repository-relative files one entry stands for, in ordinal order; empty when nothing matches.</summary>
    public static IReadOnlyList<string> Expand(string root, string entry)
    {
        if (!entry.StartsWith(ProjectPrefix, StringComparison.Ordinal))
            return Glob.IsPattern(entry) ? Glob.Expand(root, entry) : [entry];
        var files = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var project in Closure(root, entry[ProjectPrefix.Length..]))
        {
            files.Add($"src/{project}/{project}.csproj");
            foreach (var f in SourceFiles(root, project)) files.Add(f);
        }
        foreach (var s in BuildSettings.Where(s => File.Exists(Path.Combine(root, s)))) files.Add(s);
        return [.. files];
    }

    /// <summary>The project and every project it references, transitively, by name.</summary>
    public static IReadOnlyList<string> Closure(string root, string project)
    {
        var seen = new SortedSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.Count > 0)
        {
            var name = pending.Pop();
            if (!seen.Add(name)) continue;
            var csproj = Path.Combine(root, "src", name, name + ".csproj");
            if (!File.Exists(csproj))
                throw new FileNotFoundException($"code entry '{ProjectPrefix}{project}': project file src/{name}/{name}.csproj does not exist.", csproj);
            foreach (var reference in XDocument.Load(csproj).Descendants("ProjectReference"))
                if (reference.Attribute("Include")?.Value is { } include)
                    pending.Push(Path.GetFileNameWithoutExtension(include.Replace('\\', '/')));
        }
        return [.. seen];
    }

    /// <summary>
    /// <c>src/&lt;project&gt;/**/*.cs</c> outside the project's bin/ and obj/, whose folders are never entered: a project that
    /// references TorchSharp holds hundreds of native files there.
    /// </summary>
    static IEnumerable<string> SourceFiles(string root, string project)
    {
        var dir = Path.Combine(root, "src", project);
        if (!Directory.Exists(dir)) return [];
        var pattern = Glob.ToRegex($"src/{project}/**/*.cs");
        var files = Directory.EnumerateFiles(dir)
            .Concat(Directory.EnumerateDirectories(dir)
                .Where(d => Path.GetFileName(d) is not ("bin" or "obj"))
                .SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)));
        return files.Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Where(p => pattern.IsMatch(p));
    }
}
