using System.Runtime.CompilerServices;

namespace Privatar.Generators.Tests.Fixtures;

/// <summary>One intra-op thread for the whole test assembly: on a shared 2-core machine libtorch's pool spinning against other processes is slower than one thread.</summary>
internal static class TorchThreads
{
    [ModuleInitializer]
    internal static void Init() => TorchSharp.torch.set_num_threads(1);
}
