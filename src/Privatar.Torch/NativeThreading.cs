using System.Runtime.InteropServices;

namespace Privatar.Torch;

/// <summary>
/// libtorch's intra-op threads are an OpenMP team (libgomp), whose idle threads spin before sleeping. On a machine with
/// more runnable jobs than cores a spinning thread burns the time slice its partner needs, so every parallel region
/// waits a scheduler tick: the partition headset path at 256², 2 threads, took 210-300 ms per call against 9-10 ms
/// with <c>OMP_WAIT_POLICY=PASSIVE</c> (same binary, same minute, load average 5). libgomp reads the variable when it
/// is loaded, i.e. at the first tensor operation, so <see cref="PreferPassiveWait"/> must run before any; the CLI
/// calls it first thing. Results are unchanged (the policy only decides how idle threads wait); a value the user set wins.
/// </summary>
public static class NativeThreading
{
    public const string Variable = "OMP_WAIT_POLICY";

    public static void PreferPassiveWait()
    {
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable))) return;
        if (OperatingSystem.IsLinux() && setenv(Variable, "PASSIVE", 0) != 0)
            throw new InvalidOperationException($"setenv({Variable}) failed: errno {Marshal.GetLastPInvokeError()}");
        Environment.SetEnvironmentVariable(Variable, "PASSIVE");
    }

    [DllImport("libc.so.6", SetLastError = true)]
    static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);
}
