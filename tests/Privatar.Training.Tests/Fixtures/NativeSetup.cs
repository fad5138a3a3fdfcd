using System.Runtime.CompilerServices;
using Privatar.Torch;
using Xunit;

// Serial test classes: see AssemblyInfo.cs.

namespace Privatar.Training.Tests.Fixtures;

/// <summary>MKL reads MKL_CBWR once, at its first call: set it before any test touches a tensor (as the CLI's verbs do).</summary>
static class NativeSetup
{
    [ModuleInitializer]
    internal static void Init() => NativeReproducibility.Ensure();
}
