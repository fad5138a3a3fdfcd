using System.Text;
using System.Text.RegularExpressions;

namespace Privatar.Pipeline.Hashing;

/// <summary>
/// Repository-relative globs: '*' and '?' match within one path segment, '**' matches any number of
/// segments. Expansion returns '/'-separated relative paths in ordinal order.
/// </summary>
public static class Glob
{
    public static bool IsPattern(string path) => path.IndexOfAny(['*', '?']) >= 0;

    static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Regex> Compiled = new(StringComparer.Ordinal);

    public static Regex ToRegex(string pattern) => Compiled.GetOrAdd(pattern, Build);

    static Regex Build(string pattern)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return new Regex(sb.Append('$').ToString(), RegexOptions.CultureInvariant);
    }

    public static bool Matches(string pattern, string path) => ToRegex(pattern).IsMatch(path);

    public static IReadOnlyList<string> Expand(string root, string pattern)
    {
        if (!IsPattern(pattern))
            return File.Exists(Path.Combine(root, pattern)) ? [pattern] : [];
        // Walk only below the literal prefix (the segments before the first wildcard).
        var segments = pattern.Split('/');
        var fixedCount = segments.TakeWhile(s => !IsPattern(s)).Count();
        var baseRel = string.Join('/', segments.Take(fixedCount));
        var baseDir = Path.Combine(root, baseRel);
        if (!Directory.Exists(baseDir)) return [];
        var regex = ToRegex(pattern);
        return Directory.EnumerateFiles(baseDir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Where(p => regex.IsMatch(p))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
