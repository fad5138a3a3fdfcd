using System.Runtime.CompilerServices;
using Privatar.Torch;
using Xunit;

// Training and testing seed libtorch's global generator (random.manual_seed) and draw from it: two test classes
// running at once would interleave their draws, so the classes of this assembly run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Privatar.Training.Tests.Fixtures;

/// <summary>MKL reads MKL_CBWR once, at its first call: set it before any test touches a tensor (as the CLI's verbs do).</summary>
static class NativeSetup
{
    [ModuleInitializer]
    internal static void Init() => NativeReproducibility.Ensure();
}
