using System.Diagnostics;

namespace Privatar.Reporting.Browser.Tests;

/// <summary>Debian's chromium, installed by <c>tests/browser/chromium-up.sh</c> when missing (as CI needs it).</summary>
public static class Chromium
{
    static readonly Lazy<string> Installed = new(Up);

    public static string Path => Installed.Value;

    /// <summary>Flags for a quiet, reproducible headless run: no GPU, no sandbox (root), nothing fetched in the background.</summary>
    public static readonly string[] Args =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--hide-scrollbars",
    ];

    static string Up()
    {
        var script = System.IO.Path.Combine(Repo.Root, "tests", "browser", "chromium-up.sh");
        using var p = Process.Start(new ProcessStartInfo("bash", [script]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var err = p.StandardError.ReadToEndAsync();
        var path = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        if (p.ExitCode != 0 || !File.Exists(path)) throw new InvalidOperationException($"tests/browser/chromium-up.sh failed ({p.ExitCode}): {err.Result}");
        return path;
    }
}
