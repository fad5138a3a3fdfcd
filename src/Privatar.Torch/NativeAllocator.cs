using System.Runtime.InteropServices;

namespace Privatar.Torch;

/// <summary>
/// Steady-state allocation (every libtorch process applies it through <see cref="NativeProcess"/>). libtorch
/// allocates every intermediate (and every weight-normalised layer's effective weight: 22 MB for the 7306-vertex mesh_fc) per call through glibc malloc, which serves blocks
/// above its mmap threshold with fresh mmaps and trims freed heap tops back to the OS. Each call then page-faults and
/// zeroes tens of MB, or not, depending on the heap's state: the partition headset path at 256², 1 thread, took
/// either ~30 ms or ~600 ms per call (medians 35-820 ms over runs, on a loaded machine). Keeping freed memory in
/// the process (no mmap for large blocks, no trimming) makes every timed call the steady-state call a resident
/// decoder would make (medians 22-54 ms in the same runs); it also halves batch-1 inference and cuts the decoder's
/// training step in both TorchSharp and PyTorch (bench/torch-vs-pytorch). Linux/glibc only; a no-op elsewhere.
/// </summary>
public static class NativeAllocator
{
    const int MTrimThreshold = -1, MMmapMax = -4;

    /// <summary>Stops glibc from returning freed memory to the OS; true when both settings were accepted.</summary>
    public static bool KeepFreedMemory()
    {
        if (!OperatingSystem.IsLinux()) return false;
        return mallopt(MMmapMax, 0) == 1 && mallopt(MTrimThreshold, int.MaxValue) == 1;
    }

    /// <summary>
    /// Gives the OS back the whole free pages inside the heap (glibc's malloc_trim walks every arena since 2.8). A loop
    /// whose tensor sizes vary from step to step (Poisson batches) otherwise leaves the kept memory fragmented and the
    /// resident size climbing; called every few dozen steps, the pages it frees are faulted in again only once.
    /// </summary>
    public static void ReturnFreePages()
    {
        if (OperatingSystem.IsLinux()) malloc_trim(0);
    }

    [DllImport("libc.so.6")]
    static extern int mallopt(int param, int value);

    [DllImport("libc.so.6")]
    static extern int malloc_trim(nuint pad);
}
