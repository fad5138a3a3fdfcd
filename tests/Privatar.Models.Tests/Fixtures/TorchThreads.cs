using System.Runtime.CompilerServices;

namespace Privatar.Models.Tests.Fixtures;

/// <summary>
/// One intra-op thread for the whole test assembly: xunit already runs test classes in parallel, and on a shared
/// 2-core machine libtorch's OpenMP pool spinning against other processes is far slower than a single thread.
/// </summary>
internal static class TorchThreads
{
    [ModuleInitializer]
    internal static void Init() => TorchSharp.torch.set_num_threads(1);
}
