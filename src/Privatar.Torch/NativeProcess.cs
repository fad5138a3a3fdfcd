namespace Privatar.Torch;

/// <summary>
/// The process-wide native settings every process that runs libtorch applies first (the CLI, so every pipeline unit:
/// training, testing, attacks, DP-SGD; the test assemblies; the benchmarks): idle OpenMP threads sleep instead of
/// spinning (<see cref="NativeThreading"/>), and freed memory stays in the process (<see cref="NativeAllocator"/>).
/// Neither changes a result; both only change how long it takes. Must run before the first tensor operation.
/// </summary>
public static class NativeProcess
{
    public static void Prepare()
    {
        NativeThreading.PreferPassiveWait();
        // Rejected only off glibc; the process then runs as before, just slower.
        NativeAllocator.KeepFreedMemory();
    }
}
