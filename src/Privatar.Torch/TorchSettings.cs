using TorchSharp;

namespace Privatar.Torch;

/// <summary>
/// Where tensors live and how many threads libtorch may use. Both come from configuration
/// (<c>[runtime] device</c> and <c>threads</c>); nothing reads them from static mutable state.
/// </summary>
public sealed record TorchSettings(string Device = "cpu", int Threads = 0)
{
    /// <summary>Parses "cpu", "cuda" or "cuda:N"; any other text is an error naming the value.</summary>
    public torch.Device ToDevice()
    {
        if (Device == "cpu") return torch.CPU;
        if (Device == "cuda" || Device.StartsWith("cuda:", StringComparison.Ordinal))
        {
            if (!torch.cuda.is_available())
                throw new InvalidOperationException(
                    $"device '{Device}' was requested but CUDA is not available: this build references TorchSharp-cpu. " +
                    "Replace the TorchSharp-cpu package with TorchSharp-cuda-linux (see README, 'Device').");
            return new torch.Device(Device);
        }
        throw new ArgumentException($"device: expected 'cpu', 'cuda' or 'cuda:N', got '{Device}'");
    }

    /// <summary>
    /// Makes MKL's arithmetic address-independent (<see cref="NativeReproducibility"/>; before any tensor work), applies
    /// the thread count (0 keeps libtorch's default, one per core) and returns the device.
    /// </summary>
    public torch.Device Apply()
    {
        NativeReproducibility.Ensure();
        if (Threads < 0) throw new ArgumentException($"threads: expected 0 (default) or a positive count, got {Threads}");
        if (Threads > 0) torch.set_num_threads(Threads);
        return ToDevice();
    }
}
