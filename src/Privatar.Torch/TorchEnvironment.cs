using System.Reflection;
using System.Runtime.InteropServices;
using Privatar.BuildTasks;
using TorchSharp;

namespace Privatar.Torch;

/// <summary>What <c>privatar env</c> reports: versions, device, threads and the native compat state.</summary>
public sealed record TorchEnvironment(
    string TorchSharpVersion,
    string LibTorchVersion,
    string DotNetVersion,
    string Device,
    int Threads,
    string CompatFix,
    string NativeLibrary)
{
    public static TorchEnvironment Describe(TorchSettings settings)
    {
        var compat = CompatState(out var nativePath);   // before libtorch loads, so a failure can be explained
        var device = settings.Apply();
        var tsVersion = typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                        ?? typeof(torch).Assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = tsVersion.IndexOf('+');
        if (plus >= 0) tsVersion = tsVersion[..plus];
        return new TorchEnvironment(
            tsVersion,
            torch.__version__,
            RuntimeInformation.FrameworkDescription,
            device.ToString(),
            torch.get_num_threads(),
            compat,
            nativePath ?? "not found");
    }

    /// <summary>
    /// "applied" when the system libstdc++ lacks GLIBCXX_3.4.32 and the loaded copy marks it weak;
    /// "not needed" when the system provides it; "MISSING" when it is needed and absent.
    /// </summary>
    public static string CompatState(out string? nativePath)
    {
        nativePath = FindNativeLibrary();
        if (!OperatingSystem.IsLinux()) return "not needed (not Linux)";
        var libstdcxx = TorchSharpCompat.FindSystemLibStdCxx();
        if (libstdcxx is null) return "unknown (no system libstdc++.so.6)";
        if (TorchSharpCompat.SystemProvides(libstdcxx, TorchSharpCompat.Version))
            return $"not needed ({libstdcxx} provides {TorchSharpCompat.Version})";
        if (nativePath is null) return "MISSING (libLibTorchSharp.so not found next to the program)";
        var bytes = File.ReadAllBytes(nativePath);
        foreach (var need in ElfVersionNeedPatch.ReadVersionNeeds(bytes, nativePath))
            if (need.File == TorchSharpCompat.Library && need.Version == TorchSharpCompat.Version)
                return (need.Flags & ElfVersionNeedPatch.VerFlgWeak) != 0
                    ? $"applied ({TorchSharpCompat.Version} need marked weak; system {libstdcxx} lacks it)"
                    : "MISSING (system libstdc++ lacks the version and the copy is unpatched)";
        return "not needed (library has no such need)";
    }

    static string? FindNativeLibrary()
    {
        var baseDir = AppContext.BaseDirectory;
        foreach (var candidate in new[]
                 {
                     Path.Combine(baseDir, "libLibTorchSharp.so"),
                     Path.Combine(baseDir, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
                 })
            if (File.Exists(candidate)) return candidate;
        return null;
    }
}
