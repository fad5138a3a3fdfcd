using Privatar.Torch;
using Xunit;

namespace Privatar.Torch.Tests;

/// <summary>The native settings the CLI applies before tensor work: MKL's strict CNR mode and glibc's keep-freed-memory mode.</summary>
public sealed class NativeSettingsTests
{
    [Fact]
    public void Apply_leaves_MKL_in_a_reproducible_mode()
    {
        new TorchSettings("cpu", 1).Apply();
        var value = NativeReproducibility.Current();
        Assert.False(string.IsNullOrEmpty(value));
        Assert.Equal(value, Environment.GetEnvironmentVariable(NativeReproducibility.Variable));
    }

    [Fact]
    public void Glibc_accepts_the_keep_freed_memory_settings_on_linux()
    {
        Assert.Equal(OperatingSystem.IsLinux(), NativeAllocator.KeepFreedMemory());
    }
}
