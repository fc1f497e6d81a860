// Weakens ELF version needs that the host cannot satisfy, so that a prebuilt native library built against a newer
// libstdc++ still loads. Used by the MSBuild task below (build and publish output) and linked into the tests.
//
// Why it is safe for libLibTorchSharp.so: its only GLIBCXX_3.4.32 reference is the `_ZSt21ios_base_library_initv`
// iostream-init marker that GCC 13 emits; no relocation binds to it. Marking the version need VER_FLG_WEAK (0x2) makes
// the dynamic loader accept a libstdc++ that lacks the version instead of refusing to load the library.
// Written for netstandard2.0, which MSBuild's RoslynCodeTaskFactory compiles against.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace Hw4.Build;

/// <summary>Reads and patches the version sections (.gnu.version_r / .gnu.version_d) of 64-bit little-endian ELF files.</summary>
public static class ElfVersionPatcher
{
    private const uint ShtGnuVerdef = 0x6ffffffd;
    private const uint ShtGnuVerneed = 0x6ffffffe;
    private const ushort VerFlgWeak = 0x2;

    /// <summary>One entry of .gnu.version_r: a version that a library needs from one of its dependencies.</summary>
    public sealed class VersionNeed
    {
        internal VersionNeed(string file, string version, ushort flags, int flagsOffset)
        {
            File = file;
            Version = version;
            Flags = flags;
            FlagsOffset = flagsOffset;
        }

        /// <summary>The dependency, e.g. libstdc++.so.6.</summary>
        public string File { get; }

        /// <summary>The version name, e.g. GLIBCXX_3.4.32.</summary>
        public string Version { get; }

        /// <summary>The vna_flags field.</summary>
        public ushort Flags { get; }

        /// <summary>Byte offset of vna_flags in the file.</summary>
        public int FlagsOffset { get; }

        /// <summary>True when the need is marked VER_FLG_WEAK.</summary>
        public bool IsWeak => (Flags & VerFlgWeak) != 0;
    }

    /// <summary>Well-known places of the host's libstdc++ on glibc distributions.</summary>
    public static readonly string[] LibStdCxxCandidates =
    {
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/lib/x86_64-linux-gnu/libstdc++.so.6",
        "/usr/lib64/libstdc++.so.6",
        "/lib64/libstdc++.so.6",
        "/usr/lib/aarch64-linux-gnu/libstdc++.so.6",
        "/usr/lib/libstdc++.so.6",
    };

    /// <summary>Lists the version needs of an ELF file.</summary>
    public static IReadOnlyList<VersionNeed> ReadVersionNeeds(byte[] elf)
    {
        var result = new List<VersionNeed>();
        foreach (var (offset, size, strtab) in Sections(elf, ShtGnuVerneed))
        {
            var pos = offset;
            while (pos + 16 <= offset + size)
            {
                var cnt = U16(elf, pos + 2);
                var file = Str(elf, strtab, U32(elf, pos + 4));
                var aux = pos + (int)U32(elf, pos + 8);
                for (var i = 0; i < cnt; i++)
                {
                    result.Add(new VersionNeed(file, Str(elf, strtab, U32(elf, aux + 8)), U16(elf, aux + 4), aux + 4));
                    var next = U32(elf, aux + 12);
                    if (next == 0) break;
                    aux += (int)next;
                }

                var nextNeed = U32(elf, pos + 12);
                if (nextNeed == 0) break;
                pos += (int)nextNeed;
            }
        }

        return result;
    }

    /// <summary>Lists the version names an ELF shared library defines (for libstdc++: GLIBCXX_*, CXXABI_*).</summary>
    public static ICollection<string> ReadVersionDefinitions(byte[] elf)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (offset, size, strtab) in Sections(elf, ShtGnuVerdef))
        {
            var pos = offset;
            while (pos + 20 <= offset + size)
            {
                var cnt = U16(elf, pos + 6);
                var aux = pos + (int)U32(elf, pos + 12);
                for (var i = 0; i < cnt; i++)
                {
                    result.Add(Str(elf, strtab, U32(elf, aux)));
                    var next = U32(elf, aux + 4);
                    if (next == 0) break;
                    aux += (int)next;
                }

                var nextDef = U32(elf, pos + 16);
                if (nextDef == 0) break;
                pos += (int)nextDef;
            }
        }

        return result;
    }

    /// <summary>The version names that the first libstdc++ found among <paramref name="candidates"/> defines, or null if none exists.</summary>
    public static ICollection<string>? ReadHostLibStdCxxVersions(IEnumerable<string>? candidates = null)
    {
        foreach (var path in candidates ?? LibStdCxxCandidates)
        {
            if (File.Exists(path)) return ReadVersionDefinitions(File.ReadAllBytes(path));
        }

        return null;
    }

    /// <summary>
    /// Marks as weak each need in <paramref name="versions"/> that <paramref name="hostProvides"/> lacks.
    /// Returns the versions that were weakened; the bytes change only when that list is not empty.
    /// </summary>
    public static IReadOnlyList<string> WeakenMissing(byte[] elf, IEnumerable<string> versions, ICollection<string> hostProvides)
    {
        var wanted = new HashSet<string>(versions, StringComparer.Ordinal);
        var weakened = new List<string>();
        foreach (var need in ReadVersionNeeds(elf))
        {
            if (!wanted.Contains(need.Version) || hostProvides.Contains(need.Version) || need.IsWeak) continue;
            var flags = need.Flags | VerFlgWeak;
            elf[need.FlagsOffset] = (byte)flags;
            elf[need.FlagsOffset + 1] = (byte)(flags >> 8);
            weakened.Add(need.Version);
        }

        return weakened;
    }

    /// <summary>
    /// Patches the file at <paramref name="path"/> in place when needed. The new bytes go to a temporary file that is
    /// then renamed over the original, so a hard link into a package cache is replaced, never written through.
    /// </summary>
    public static IReadOnlyList<string> PatchFile(string path, IEnumerable<string> versions, ICollection<string> hostProvides)
    {
        var bytes = File.ReadAllBytes(path);
        var weakened = WeakenMissing(bytes, versions, hostProvides);
        if (weakened.Count == 0) return weakened;

        var temp = path + ".hw4-patch.tmp";
        File.WriteAllBytes(temp, bytes);
        // Unlink, then move: writing through the old path could modify a hard-linked package cache.
        File.Delete(path);
        File.Move(temp, path);
        return weakened;
    }

    private static IEnumerable<(int Offset, int Size, int StrTab)> Sections(byte[] elf, uint type)
    {
        if (elf.Length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F')
            throw new InvalidDataException("Not an ELF file.");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException("Only 64-bit little-endian ELF files are supported.");

        var shoff = U64(elf, 0x28);
        var shentsize = U16(elf, 0x3a);
        var shnum = U16(elf, 0x3c);
        for (var i = 0; i < shnum; i++)
        {
            var sh = shoff + i * shentsize;
            if (U32(elf, sh + 4) != type) continue;
            var offset = U64(elf, sh + 0x18);
            var size = U64(elf, sh + 0x20);
            var link = (int)U32(elf, sh + 0x28);
            var strtab = U64(elf, shoff + link * shentsize + 0x18);
            yield return (offset, size, strtab);
        }
    }

    private static ushort U16(byte[] b, int at) => (ushort)(b[at] | b[at + 1] << 8);

    private static uint U32(byte[] b, int at) => (uint)(U16(b, at) | U16(b, at + 2) << 16);

    private static int U64(byte[] b, int at) => checked((int)(U32(b, at) | (ulong)U32(b, at + 4) << 32));

    private static string Str(byte[] b, int strtab, uint index)
    {
        var start = strtab + (int)index;
        var end = Array.IndexOf(b, (byte)0, start);
        return Encoding.ASCII.GetString(b, start, end - start);
    }
}

#if !HW4_ELF_PATCHER_ONLY
/// <summary>MSBuild task: weakens the listed version needs in each file when the host libstdc++ lacks them.</summary>
public sealed class WeakenMissingVersionNeeds : Microsoft.Build.Utilities.Task
{
    /// <summary>The native libraries to patch (missing files are skipped).</summary>
    [Microsoft.Build.Framework.Required]
    public Microsoft.Build.Framework.ITaskItem[] Files { get; set; } = Array.Empty<Microsoft.Build.Framework.ITaskItem>();

    /// <summary>Semicolon-separated version names that may be weakened, e.g. GLIBCXX_3.4.32.</summary>
    [Microsoft.Build.Framework.Required]
    public string Versions { get; set; } = "";

    /// <inheritdoc />
    public override bool Execute()
    {
        var host = ElfVersionPatcher.ReadHostLibStdCxxVersions();
        if (host is null)
        {
            Log.LogMessage(Microsoft.Build.Framework.MessageImportance.Low, "No host libstdc++ found; nothing to patch.");
            return true;
        }

        var versions = Array.ConvertAll(Versions.Split(new[] { ';' }, StringSplitOptions.RemoveEmptyEntries), v => v.Trim());
        foreach (var item in Files)
        {
            var path = item.ItemSpec;
            if (!File.Exists(path)) continue;
            var weakened = ElfVersionPatcher.PatchFile(path, versions, host);
            if (weakened.Count > 0)
                Log.LogMessage(Microsoft.Build.Framework.MessageImportance.High,
                    $"Hw4: host libstdc++ lacks {string.Join(", ", weakened)}; marked weak in {path}");
        }

        return !Log.HasLoggedErrors;
    }
}
#endif
