// Marks one symbol-version requirement of an ELF shared object as weak (VER_FLG_WEAK).
//
// Why: TorchSharp 0.107.0's libLibTorchSharp.so was linked against GCC 13's libstdc++ and so
// records a need for GLIBCXX_3.4.32. The only symbol it uses at that version is
// std::ios_base_library_init(), and no relocation references it, so on a system whose
// libstdc++ stops at 3.4.30/31 (Debian 12) the library works once the loader is told that the
// version is optional. The loader then prints nothing and resolves every other symbol as usual.
//
// This file is compiled twice: by MSBuild's RoslynCodeTaskFactory (TorchSharpCompat.targets),
// where the task class at the bottom is included, and by Privatar.Torch (to report whether the
// fix is in place) and its tests, which define PRIVATAR_ELF_NO_TASK to leave the MSBuild types out.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Privatar.BuildTasks
{
    public enum ElfPatchOutcome { Patched, AlreadyWeak }

    public sealed class ElfFormatException : Exception
    {
        public ElfFormatException(string path, string message) : base(path + ": " + message) { }
    }

    /// <summary>One Elf64_Vernaux entry of .gnu.version_r, with where it sits in the file.</summary>
    public sealed class VersionNeed
    {
        public string File = "";
        public string Version = "";
        public ushort Flags;
        public long FlagsOffset;
    }

    public static class ElfVersionNeedPatch
    {
        public const ushort VerFlgWeak = 0x2;
        const uint ShtGnuVerneed = 0x6ffffffe;
        const uint ShtGnuVerdef = 0x6ffffffd;

        /// <summary>All version requirements (library, version, flags) of a 64-bit little-endian ELF.</summary>
        public static List<VersionNeed> ReadVersionNeeds(byte[] elf, string path)
        {
            var result = new List<VersionNeed>();
            foreach (var (section, strtab) in SectionsOfType(elf, path, ShtGnuVerneed))
            {
                long off = section.Offset;
                for (int i = 0; i < section.Info; i++)
                {
                    Need(elf, path, off + 16);
                    ushort cnt = U16(elf, off + 2);
                    string file = CString(elf, path, strtab + U32(elf, off + 4));
                    long aux = off + U32(elf, off + 8);
                    for (int j = 0; j < cnt; j++)
                    {
                        Need(elf, path, aux + 16);
                        result.Add(new VersionNeed
                        {
                            File = file,
                            Flags = U16(elf, aux + 4),
                            FlagsOffset = aux + 4,
                            Version = CString(elf, path, strtab + U32(elf, aux + 8)),
                        });
                        uint nextAux = U32(elf, aux + 12);
                        if (nextAux == 0) break;
                        aux += nextAux;
                    }
                    uint next = U32(elf, off + 12);
                    if (next == 0) break;
                    off += next;
                }
            }
            return result;
        }

        /// <summary>Every version a shared object defines (its .gnu.version_d names).</summary>
        public static HashSet<string> ReadVersionDefinitions(byte[] elf, string path)
        {
            var result = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (section, strtab) in SectionsOfType(elf, path, ShtGnuVerdef))
            {
                long off = section.Offset;
                for (int i = 0; i < section.Info; i++)
                {
                    Need(elf, path, off + 20);
                    ushort cnt = U16(elf, off + 6);
                    long aux = off + U32(elf, off + 12);
                    if (cnt > 0)
                    {
                        Need(elf, path, aux + 8);
                        result.Add(CString(elf, path, strtab + U32(elf, aux)));
                    }
                    uint next = U32(elf, off + 16);
                    if (next == 0) break;
                    off += next;
                }
            }
            return result;
        }

        /// <summary>
        /// Sets VER_FLG_WEAK on the need for <paramref name="version"/> of <paramref name="library"/>.
        /// Throws ElfFormatException when the file is not a 64-bit LE ELF or has no such need.
        /// </summary>
        public static ElfPatchOutcome MarkWeak(byte[] elf, string path, string library, string version)
        {
            VersionNeed? hit = null;
            foreach (var need in ReadVersionNeeds(elf, path))
                if (need.File == library && need.Version == version)
                    hit = need;
            if (hit == null)
                throw new ElfFormatException(path, "expected a version need for " + library + " " + version + " in .gnu.version_r, found none");
            if ((hit.Flags & VerFlgWeak) != 0) return ElfPatchOutcome.AlreadyWeak;
            ushort flags = (ushort)(hit.Flags | VerFlgWeak);
            elf[hit.FlagsOffset] = (byte)(flags & 0xff);
            elf[hit.FlagsOffset + 1] = (byte)(flags >> 8);
            return ElfPatchOutcome.Patched;
        }

        sealed class Section { public uint Type; public long Offset; public long Size; public uint Link; public uint Info; }

        static IEnumerable<(Section section, long strtabOffset)> SectionsOfType(byte[] elf, string path, uint type)
        {
            var sections = ReadSections(elf, path);
            foreach (var s in sections)
            {
                if (s.Type != type) continue;
                if (s.Link >= sections.Count) throw new ElfFormatException(path, "section link " + s.Link + " out of range");
                yield return (s, sections[(int)s.Link].Offset);
            }
        }

        static List<Section> ReadSections(byte[] elf, string path)
        {
            if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != (byte)'E' || elf[2] != (byte)'L' || elf[3] != (byte)'F')
                throw new ElfFormatException(path, "not an ELF file (bad magic)");
            if (elf[4] != 2) throw new ElfFormatException(path, "expected a 64-bit ELF (EI_CLASS=2), found class " + elf[4]);
            if (elf[5] != 1) throw new ElfFormatException(path, "expected a little-endian ELF (EI_DATA=1), found " + elf[5]);
            long shoff = (long)U64(elf, 0x28);
            ushort shentsize = U16(elf, 0x3a), shnum = U16(elf, 0x3c);
            if (shentsize != 64) throw new ElfFormatException(path, "unexpected section header size " + shentsize);
            var list = new List<Section>(shnum);
            for (int i = 0; i < shnum; i++)
            {
                long h = shoff + (long)i * shentsize;
                Need(elf, path, h + 64);
                list.Add(new Section
                {
                    Type = U32(elf, h + 4),
                    Offset = (long)U64(elf, h + 24),
                    Size = (long)U64(elf, h + 32),
                    Link = U32(elf, h + 40),
                    Info = U32(elf, h + 44),
                });
            }
            return list;
        }

        static void Need(byte[] elf, string path, long end)
        {
            if (end > elf.Length || end < 0) throw new ElfFormatException(path, "truncated: structure ends at byte " + end + " of " + elf.Length);
        }

        static string CString(byte[] elf, string path, long at)
        {
            Need(elf, path, at + 1);
            long end = at;
            while (end < elf.Length && elf[end] != 0) end++;
            return Encoding.ASCII.GetString(elf, (int)at, (int)(end - at));
        }

        static ushort U16(byte[] b, long o) => (ushort)(b[o] | b[o + 1] << 8);
        static uint U32(byte[] b, long o) => (uint)(b[o] | b[o + 1] << 8 | b[o + 2] << 16 | b[o + 3] << 24);
        static ulong U64(byte[] b, long o) => U32(b, o) | (ulong)U32(b, o + 4) << 32;
    }

    /// <summary>Decides whether the loader's libstdc++ lacks a version, and patches a copy atomically.</summary>
    public static class TorchSharpCompat
    {
        public const string Library = "libstdc++.so.6";
        public const string Version = "GLIBCXX_3.4.32";

        public static readonly string[] SystemLibDirs =
        {
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib64", "/usr/lib64", "/lib", "/usr/lib",
            "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
        };

        /// <summary>The first libstdc++.so.6 the dynamic loader would find in the default directories, or null.</summary>
        public static string? FindSystemLibStdCxx()
        {
            foreach (var dir in SystemLibDirs)
            {
                var candidate = Path.Combine(dir, Library);
                if (File.Exists(candidate)) return candidate;
            }
            return null;
        }

        public static bool SystemProvides(string libstdcxxPath, string version)
        {
            var bytes = File.ReadAllBytes(libstdcxxPath);
            return ElfVersionNeedPatch.ReadVersionDefinitions(bytes, libstdcxxPath).Contains(version);
        }

        /// <summary>
        /// Patches <paramref name="target"/> in place through a temporary file and a rename, so a
        /// hard link into the NuGet cache is never written through. The copy keeps the original's
        /// modification time: MSBuild's Copy skips a file whose size and time match its source, so the
        /// next build leaves the patched copy alone instead of linking the unpatched one again.
        /// Returns the outcome.
        /// </summary>
        public static ElfPatchOutcome PatchFile(string target)
        {
            var bytes = File.ReadAllBytes(target);
            var outcome = ElfVersionNeedPatch.MarkWeak(bytes, target, Library, Version);
            if (outcome == ElfPatchOutcome.AlreadyWeak) return outcome;
            var modified = File.GetLastWriteTimeUtc(target);
            var tmp = target + ".compat-tmp";
            File.WriteAllBytes(tmp, bytes);
            File.SetLastWriteTimeUtc(tmp, modified);
            // File.Replace is a rename(2): the old inode (possibly shared with the NuGet cache) is untouched.
            File.Replace(tmp, target, null);
            return outcome;
        }
    }

#if !PRIVATAR_ELF_NO_TASK
    /// <summary>MSBuild entry point: patches each given libLibTorchSharp.so when the system needs it.</summary>
    public sealed class PatchTorchSharpNative : Microsoft.Build.Utilities.Task
    {
        [Microsoft.Build.Framework.Required]
        public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

        public override bool Execute()
        {
            if (Environment.OSVersion.Platform != PlatformID.Unix || Files.Length == 0) return true;
            var libstdcxx = TorchSharpCompat.FindSystemLibStdCxx();
            if (libstdcxx == null)
            {
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "TorchSharp compat: no system libstdc++.so.6 found; nothing to patch");
                return true;
            }
            try
            {
                if (TorchSharpCompat.SystemProvides(libstdcxx, TorchSharpCompat.Version))
                {
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Normal, "TorchSharp compat: " + libstdcxx + " provides " + TorchSharpCompat.Version + "; not patching");
                    return true;
                }
                foreach (var item in Files)
                {
                    var outcome = TorchSharpCompat.PatchFile(item.ItemSpec);
                    Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High, "TorchSharp compat: " + item.ItemSpec + ": " + TorchSharpCompat.Version + " need " + (outcome == ElfPatchOutcome.Patched ? "marked weak" : "already weak"));
                }
                return true;
            }
            catch (Exception e) when (e is ElfFormatException || e is IOException || e is UnauthorizedAccessException)
            {
                Log.LogError("TorchSharp compat fix failed: " + e.Message);
                return false;
            }
        }
    }
#endif
}
