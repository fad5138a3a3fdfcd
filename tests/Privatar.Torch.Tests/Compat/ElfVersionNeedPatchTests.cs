using Privatar.BuildTasks;
using Xunit;

namespace Privatar.Torch.Tests.Compat;

/// <summary>The ELF edit that lets TorchSharp load on Debian 12, tested on the real library.</summary>
public sealed class ElfVersionNeedPatchTests
{
    static readonly string Native = Path.Combine(AppContext.BaseDirectory, "libLibTorchSharp.so");

    static byte[] UnpatchedCopy()
    {
        // The output copy may already be patched; clear the weak bit to get the NuGet original's bytes.
        var bytes = File.ReadAllBytes(Native);
        var need = Need(bytes);
        var flags = (ushort)(need.Flags & ~ElfVersionNeedPatch.VerFlgWeak);
        bytes[need.FlagsOffset] = (byte)flags;
        bytes[need.FlagsOffset + 1] = (byte)(flags >> 8);
        return bytes;
    }

    static VersionNeed Need(byte[] bytes) =>
        ElfVersionNeedPatch.ReadVersionNeeds(bytes, Native).Single(n => n.File == "libstdc++.so.6" && n.Version == "GLIBCXX_3.4.32");

    public sealed class TheMarkWeakMethod
    {
        [Fact]
        public void Should_Set_Only_The_Weak_Bit_Of_That_One_Entry()
        {
            // Given
            var original = UnpatchedCopy();
            var patched = (byte[])original.Clone();

            // When
            var outcome = ElfVersionNeedPatch.MarkWeak(patched, Native, "libstdc++.so.6", "GLIBCXX_3.4.32");

            // Then: exactly one byte differs, and it is the low byte of that entry's vna_flags
            Assert.Equal(ElfPatchOutcome.Patched, outcome);
            var diffs = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
            Assert.Equal(new[] { (int)Need(original).FlagsOffset }, diffs);
            Assert.Equal(ElfVersionNeedPatch.VerFlgWeak, Need(patched).Flags & ElfVersionNeedPatch.VerFlgWeak);
            Assert.All(ElfVersionNeedPatch.ReadVersionNeeds(patched, Native).Where(n => n.Version != "GLIBCXX_3.4.32"),
                n => Assert.Equal(0, n.Flags & ElfVersionNeedPatch.VerFlgWeak));
        }

        [Fact]
        public void Should_Be_Idempotent()
        {
            var bytes = UnpatchedCopy();
            ElfVersionNeedPatch.MarkWeak(bytes, Native, "libstdc++.so.6", "GLIBCXX_3.4.32");
            var once = (byte[])bytes.Clone();

            var outcome = ElfVersionNeedPatch.MarkWeak(bytes, Native, "libstdc++.so.6", "GLIBCXX_3.4.32");

            Assert.Equal(ElfPatchOutcome.AlreadyWeak, outcome);
            Assert.Equal(once, bytes);
        }

        [Fact]
        public void Should_Fail_Loudly_When_The_Need_Is_Absent()
        {
            var e = Assert.Throws<ElfFormatException>(() =>
                ElfVersionNeedPatch.MarkWeak(UnpatchedCopy(), Native, "libstdc++.so.6", "GLIBCXX_9.9.9"));
            Assert.Contains("libLibTorchSharp.so", e.Message);
            Assert.Contains("expected a version need for libstdc++.so.6 GLIBCXX_9.9.9", e.Message);
        }

        [Fact]
        public void Should_Reject_A_File_That_Is_Not_Elf()
        {
            var e = Assert.Throws<ElfFormatException>(() =>
                ElfVersionNeedPatch.MarkWeak(new byte[128], "x.so", "libstdc++.so.6", "GLIBCXX_3.4.32"));
            Assert.Equal("x.so: not an ELF file (bad magic)", e.Message);
        }

        [Fact]
        public void Should_Reject_A_Truncated_File()
        {
            var cut = UnpatchedCopy()[..4096];
            var e = Assert.Throws<ElfFormatException>(() =>
                ElfVersionNeedPatch.MarkWeak(cut, "cut.so", "libstdc++.so.6", "GLIBCXX_3.4.32"));
            Assert.StartsWith("cut.so: truncated", e.Message);
        }
    }

    public sealed class TheBuildOutput
    {
        [Fact]
        public void Should_Carry_The_Fix_Exactly_When_The_System_Lacks_The_Version()
        {
            // Given the libstdc++ the loader uses on this machine
            var system = TorchSharpCompat.FindSystemLibStdCxx();
            Assert.NotNull(system);
            var provides = TorchSharpCompat.SystemProvides(system!, "GLIBCXX_3.4.32");

            // Then the output copy is weak if and only if the system lacks the version,
            var weak = (Need(File.ReadAllBytes(Native)).Flags & ElfVersionNeedPatch.VerFlgWeak) != 0;
            Assert.Equal(!provides, weak);

            // and the system library itself defines the versions it should (parser sanity).
            var defined = ElfVersionNeedPatch.ReadVersionDefinitions(File.ReadAllBytes(system!), system!);
            Assert.Contains("GLIBCXX_3.4", defined);
            Assert.Contains("CXXABI_1.3", defined);
        }

        [Fact]
        public void Should_Leave_The_NuGet_Cache_Copy_Untouched()
        {
            var home = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                       ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            var cached = Path.Combine(home, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
            Assert.True(File.Exists(cached), $"expected the restored package at {cached}");
            Assert.Equal(0, Need(File.ReadAllBytes(cached)).Flags & ElfVersionNeedPatch.VerFlgWeak);
        }
    }
}
