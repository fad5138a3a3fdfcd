using System.Diagnostics;

namespace Privatar.Slurm;

/// <summary>
/// Runs one Slurm tool and returns its standard output. <paramref name="environment"/> is added to
/// this process's environment (a test cluster's <c>SLURM_CONF</c>, say).
/// </summary>
public sealed class SlurmCommands(IReadOnlyDictionary<string, string>? environment = null)
{
    static readonly TimeSpan Patience = TimeSpan.FromMinutes(2);

    public string Run(string tool, IEnumerable<string> args, bool allowFailure = false)
    {
        var psi = new ProcessStartInfo(tool) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        var text = $"{tool} {string.Join(' ', psi.ArgumentList)}";
        Process p;
        try { p = Process.Start(psi) ?? throw new SlurmException($"'{text}' could not be started."); }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SlurmException($"'{tool}' is not on PATH ({e.Message}): the slurm executor needs Slurm's client tools on the machine running the build.", e);
        }
        using (p)
        {
            var stderr = p.StandardError.ReadToEndAsync();
            var stdout = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(Patience))
            {
                p.Kill(entireProcessTree: true);
                throw new SlurmException($"'{text}' did not answer within {Patience.TotalSeconds:F0} s.");
            }
            if (p.ExitCode != 0 && !allowFailure)
                throw new SlurmException($"'{text}' exited with code {p.ExitCode}: {stderr.Result.Trim()}");
            return stdout;
        }
    }
}
