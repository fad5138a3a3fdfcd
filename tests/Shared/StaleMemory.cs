using static TorchSharp.torch;

namespace Privatar.Tests.Shared;

/// <summary>
/// Leaves libtorch's allocator holding NaN-filled blocks of many sizes, so the next allocations recycle them: a kernel
/// that reads memory it never wrote then gives non-finite or wrong values instead of passing by luck on fresh pages.
/// </summary>
static class StaleMemory
{
    public static void Poison()
    {
        for (var size = 16L; size <= 1 << 21; size = size * 3 / 2)
            using (full([size], float.NaN)) { }
    }
}
