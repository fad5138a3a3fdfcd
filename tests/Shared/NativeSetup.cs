using System.Runtime.CompilerServices;
using Privatar.Torch;

namespace Privatar.Tests.Shared;

/// <summary>Tests run libtorch in the process the CLI would: the same native settings, before any test touches a tensor.</summary>
static class NativeSetup
{
    [ModuleInitializer]
    internal static void Init() => NativeProcess.Prepare();
}
