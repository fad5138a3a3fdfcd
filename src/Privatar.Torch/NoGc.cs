using System.Runtime;

namespace Privatar.Torch;

/// <summary>
/// Runs one batch of tensor work (a training step, a validation or test forward) with the garbage collector held off.
/// TorchSharp turns numbers into native Scalars implicitly, even inside its own operators (a + b passes alpha = 1), and
/// nothing keeps such a Scalar alive during the native call that reads it: a GC triggered meanwhile by another thread
/// (the finaliser thread disposing leaked tensors allocates) lets its finaliser free it mid-call, and libtorch aborts
/// ("Unknown scalar type", or "Expected false to be true" in Scalar.h toFloat; seen in a functional Train unit inside
/// Conv2dWN's bias add). No GC starts inside the region, and the GC that opens it runs on this thread between native
/// calls, so every Scalar it finds dead is really done with. The budget covers the managed allocations of one batch
/// (tensor wrappers, not tensor data); if it is exceeded the runtime collects and leaves the region, and the work runs
/// as it would have anyway.
/// </summary>
public static class NoGc
{
    const long Budget = 64L << 20;

    public static void Run(Action body) => Run(() => { body(); return true; });

    public static T Run<T>(Func<T> body)
    {
        // Nested use runs inside the outer region: asking for a second one would throw and end the first.
        if (GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) return body();
        var started = false;
        try { started = GC.TryStartNoGCRegion(Budget); }
        catch (InvalidOperationException) { }   // a region started elsewhere in between: run as is
        try { return body(); }
        finally
        {
            if (started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }
}
