using System.Runtime.CompilerServices;
using Privatar.Torch;
using Xunit;

// Serial test classes: see AssemblyInfo.cs.

namespace Privatar.Training.Tests.Fixtures;

/// <summary>
/// MKL reads MKL_CBWR once, at its first call: set it before any test touches a tensor (as the CLI's verbs do), with
/// the native settings every libtorch process applies (as tests/Shared/NativeSetup.cs does for the other assemblies).
/// </summary>
static class NativeSetup
{
    [ModuleInitializer]
    internal static void Init()
    {
        NativeReproducibility.Ensure();
        NativeProcess.Prepare();
    }
}
