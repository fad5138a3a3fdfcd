using System.Runtime;

namespace Privatar.Training.Noisy;

/// <summary>
/// Runs a forward pass with the garbage collector held off. TorchSharp turns doubles into native Scalars implicitly;
/// the finaliser thread can free such a Scalar while the native call that reads it is still running (libtorch then
/// aborts with "Unknown scalar type", as one unit of this step did in Privatar.Models' sampling). Without a GC
/// inside the region no finaliser runs there. The budget covers the managed allocations of a forward and its metrics
/// (tensor wrappers, not tensor data); if it is exceeded the runtime collects and leaves the region, and the call
/// runs as it would have anyway.
/// </summary>
public static class NoGc
{
    const long Budget = 64L << 20;

    public static T Run<T>(Func<T> body)
    {
        var started = false;
        try { started = GC.TryStartNoGCRegion(Budget); }
        catch (InvalidOperationException) { }   // already in a region (nested use)
        try { return body(); }
        finally
        {
            if (started && GCSettings.LatencyMode == GCLatencyMode.NoGCRegion) GC.EndNoGCRegion();
        }
    }
}
