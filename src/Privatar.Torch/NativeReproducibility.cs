using System.Runtime.InteropServices;

namespace Privatar.Torch;

/// <summary>
/// Bit-reproducible CPU arithmetic. libtorch_cpu links MKL statically, and MKL's sgemm chooses its kernel path by
/// the operands' memory addresses unless conditional numerical reproducibility (CNR) is strict: two processes doing
/// the same matmuls on the same data then differ in the last bits (measured: z.npy and test_metrics.csv of
/// <c>vae test</c> on one checkpoint, 1 thread, took 2-3 distinct values over 5 runs; training curves differed in
/// the 7th digit). <c>MKL_CBWR=AUTO,STRICT</c> keeps the fastest branch for this CPU but makes it address-independent
/// (5 of 5 runs byte-identical). MKL reads the variable once, at its first call, so <see cref="Ensure"/> must run
/// before any tensor work; <see cref="TorchSettings.Apply"/> calls it. A non-empty value the user already set wins (e.g. COMPATIBLE to match across CPUs).
/// </summary>
public static class NativeReproducibility
{
    public const string Variable = "MKL_CBWR";
    public const string Value = "AUTO,STRICT";

    /// <summary>Sets MKL_CBWR in the native environment (where MKL reads it) unless it is already set.</summary>
    public static void Ensure()
    {
        if (!OperatingSystem.IsLinux())
        {
            // Elsewhere the managed environment is the process's (Windows) or MKL is absent (macOS builds use Accelerate).
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable(Variable))) Environment.SetEnvironmentVariable(Variable, Value);
            return;
        }
        // An empty value is MKL's default (no CNR), so it counts as unset.
        if (setenv(Variable, Value, string.IsNullOrEmpty(Current()) ? 1 : 0) != 0) throw new InvalidOperationException($"setenv({Variable}) failed: errno {Marshal.GetLastPInvokeError()}");
        // .NET keeps its own copy of the environment on Unix; mirror it so child processes see the same value.
        Environment.SetEnvironmentVariable(Variable, Marshal.PtrToStringUTF8(getenv(Variable)));
    }

    /// <summary>The value MKL will read (native environment), or null.</summary>
    public static string? Current() =>
        OperatingSystem.IsLinux() ? Marshal.PtrToStringUTF8(getenv(Variable)) : Environment.GetEnvironmentVariable(Variable);

    [DllImport("libc.so.6", SetLastError = true)]
    static extern int setenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name, [MarshalAs(UnmanagedType.LPUTF8Str)] string value, int overwrite);

    [DllImport("libc.so.6")]
    static extern IntPtr getenv([MarshalAs(UnmanagedType.LPUTF8Str)] string name);
}
