// Compiled into each test project that submits real Slurm jobs (Slurm, Pipeline) through a linked <Compile>.
using System.Diagnostics;
using Privatar.Slurm;

namespace Privatar.Tests.Shared;

/// <summary>
/// The real single-node cluster of <c>tests/cluster/slurm-up.sh</c>: installed and started when missing, reused when up.
/// Its tools are reached through <see cref="Commands"/> (SLURM_CONF points at the generated slurm.conf).
/// </summary>
public static class SlurmUp
{
    static readonly Lazy<string> Dir = new(Start);

    /// <summary>The cluster's state directory (starts the cluster on first use).</summary>
    public static string StateDir => Dir.Value;

    public static SlurmCommands Commands => new(new Dictionary<string, string> { ["SLURM_CONF"] = Path.Combine(StateDir, "slurm.conf") });

    static string Start()
    {
        var psi = new ProcessStartInfo("bash", [Path.Combine(Repo.Root, "tests", "cluster", "slurm-up.sh")])
        { RedirectStandardOutput = true, RedirectStandardError = true };
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"tests/cluster/slurm-up.sh failed ({p.ExitCode}): {err.Result}");
        return output.Trim().Split('\n').Last();
    }
}
