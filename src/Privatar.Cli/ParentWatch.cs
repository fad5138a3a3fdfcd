using System.Runtime.InteropServices;

namespace Privatar.Cli;

/// <summary>
/// Stops a worker whose build has gone. The build starts each worker as its child; when the build alone is killed (a
/// `kill` of its pid, the OOM killer, a CI step's timeout) the worker only reads the end of its input after the unit it
/// is running: that unit would go on for up to its whole length (DPDM's ablation unit: 45 minutes), taking a core from
/// the next build and writing outputs that no build stamps. The watch polls the parent's pid and calls <c>onGone</c>
/// once the worker has been re-parented. Linux only (as the native allocator); elsewhere it does nothing.
/// </summary>
static class ParentWatch
{
    static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    public static void Start(Action onGone)
    {
        if (!OperatingSystem.IsLinux()) return;
        var parent = getppid();
        new Thread(() =>
        {
            while (getppid() == parent) Thread.Sleep(Interval);
            onGone();
        }) { IsBackground = true, Name = "parent watch" }.Start();
    }

    [DllImport("libc.so.6")]
    static extern int getppid();
}
