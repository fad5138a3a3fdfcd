using System.Diagnostics;
using Xunit;

namespace Privatar.Core.Tests.Fixtures;

/// <summary>Finds a Python 3 interpreter that can import numpy (Debian's python3-numpy is enough).</summary>
public static class PythonNumpy
{
    static readonly Lazy<string?> Found = new(Probe);

    /// <summary>The interpreter path, or null when no python3 on this machine has numpy.</summary>
    public static string? Interpreter => Found.Value;

    public const string MissingReason = "no python3 with numpy on this machine (apt-get install -y python3-numpy)";

    /// <summary>Runs a snippet; returns stdout, throwing with stderr on a non-zero exit.</summary>
    public static string Run(string code)
    {
        var psi = new ProcessStartInfo(Interpreter ?? throw new InvalidOperationException(MissingReason))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(code);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"python exited {p.ExitCode}: {stderr}");
        return stdout.Result;
    }

    static string? Probe()
    {
        // pyenv or venv shims may shadow the system interpreter that carries Debian's numpy.
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var psi = new ProcessStartInfo(candidate) { RedirectStandardOutput = true, RedirectStandardError = true };
                psi.ArgumentList.Add("-c");
                psi.ArgumentList.Add("import numpy");
                using var p = Process.Start(psi)!;
                p.StandardOutput.ReadToEnd();
                p.StandardError.ReadToEnd();
                p.WaitForExit();
                if (p.ExitCode == 0) return candidate;
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // not installed under this name
            }
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with the reason, only when python3/numpy is absent.</summary>
public sealed class NumpyFactAttribute : FactAttribute
{
    public NumpyFactAttribute()
    {
        if (PythonNumpy.Interpreter is null) Skip = PythonNumpy.MissingReason;
    }
}
