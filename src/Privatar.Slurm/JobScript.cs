using System.Text;

namespace Privatar.Slurm;

/// <summary>
/// The batch script of a job: the unit's command with every argument single-quoted, its exit code
/// written to the status file through a temporary file and a rename. A job the scheduler kills
/// (time limit, memory, cancel) writes no status, which the controller reads as "did not finish".
/// </summary>
public static class JobScript
{
    public static string Render(JobRequest r)
    {
        var sb = new StringBuilder();
        sb.Append("#!/bin/bash\n");
        sb.Append("# Written by the pipeline controller for one unit; run by sbatch.\n");
        sb.Append("cd ").Append(Quote(r.WorkingDirectory)).Append(" || exit 97\n");
        foreach (var (k, v) in r.Environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (!IsName(k)) throw new ArgumentException($"'{k}' is not a valid environment variable name.", nameof(r));
            sb.Append("export ").Append(k).Append('=').Append(Quote(v)).Append('\n');
        }
        sb.Append(string.Join(' ', r.Command.Select(Quote))).Append('\n');
        sb.Append("code=$?\n");
        sb.Append("echo \"$code\" > ").Append(Quote(r.StatusPath + ".tmp")).Append(" && mv -f ")
          .Append(Quote(r.StatusPath + ".tmp")).Append(' ').Append(Quote(r.StatusPath)).Append('\n');
        sb.Append("exit \"$code\"\n");
        return sb.ToString();
    }

    /// <summary>POSIX shell single quoting: every character literal, a quote as <c>'\''</c>.</summary>
    public static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    static bool IsName(string k) =>
        k.Length > 0 && (char.IsAsciiLetter(k[0]) || k[0] == '_') && k.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
