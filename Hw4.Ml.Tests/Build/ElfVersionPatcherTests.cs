using Hw4.Build;

namespace Hw4.Ml.Tests.Build;

public sealed class ElfVersionPatcherTests : IDisposable
{
    private const string Needed = "GLIBCXX_3.4.32";
    private readonly string _dir = Directory.CreateTempSubdirectory("hw4-elf-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The pristine library shipped in the TorchSharp package (read only; the tests patch copies).</summary>
    private static string PackagedLibrary()
    {
        var nuget = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                    ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var path = Path.Combine(nuget, "torchsharp", "0.107.0", "runtimes", "linux-x64", "native", "libLibTorchSharp.so");
        Assert.True(File.Exists(path), $"TorchSharp package not restored at {path}");
        return path;
    }

    [Fact]
    public void ReadVersionNeeds_PackagedLibTorchSharp_NeedsGlibcxx3432Strongly()
    {
        var needs = ElfVersionPatcher.ReadVersionNeeds(File.ReadAllBytes(PackagedLibrary()));

        var need = Assert.Single(needs, n => n.Version == Needed);
        Assert.Equal("libstdc++.so.6", need.File);
        Assert.False(need.IsWeak);
        Assert.Contains(needs, n => n.Version == "GLIBC_2.2.5");
    }

    [Fact]
    public void WeakenMissing_HostLacksVersion_SetsOnlyThatWeakFlag()
    {
        var original = File.ReadAllBytes(PackagedLibrary());
        var patched = (byte[])original.Clone();

        var weakened = ElfVersionPatcher.WeakenMissing(patched, [Needed], new HashSet<string> { "GLIBCXX_3.4.30" });

        Assert.Equal([Needed], weakened);
        var differing = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToList();
        Assert.Single(differing);
        var needs = ElfVersionPatcher.ReadVersionNeeds(patched);
        Assert.True(needs.Single(n => n.Version == Needed).IsWeak);
        Assert.All(needs.Where(n => n.Version != Needed), n => Assert.False(n.IsWeak));
    }

    [Fact]
    public void PatchFile_HostHasVersion_LeavesFileUntouched()
    {
        var copy = Path.Combine(_dir, "libLibTorchSharp.so");
        File.Copy(PackagedLibrary(), copy);
        var before = File.GetLastWriteTimeUtc(copy);

        var weakened = ElfVersionPatcher.PatchFile(copy, [Needed], new HashSet<string> { "GLIBCXX_3.4.30", Needed });

        Assert.Empty(weakened);
        Assert.Equal(File.ReadAllBytes(PackagedLibrary()), File.ReadAllBytes(copy));
        Assert.Equal(before, File.GetLastWriteTimeUtc(copy));
    }

    [Fact]
    public void PatchFile_HardLinkedCopy_ReplacesLinkAndKeepsSourceIntact()
    {
        var source = Path.Combine(_dir, "cache.so");
        var output = Path.Combine(_dir, "output.so");
        File.Copy(PackagedLibrary(), source);
        Assert.Equal(0, Link(source, output));

        ElfVersionPatcher.PatchFile(output, [Needed], new HashSet<string>());
        var second = ElfVersionPatcher.PatchFile(output, [Needed], new HashSet<string>());

        Assert.Empty(second); // idempotent
        Assert.False(ElfVersionPatcher.ReadVersionNeeds(File.ReadAllBytes(source)).Single(n => n.Version == Needed).IsWeak);
        Assert.True(ElfVersionPatcher.ReadVersionNeeds(File.ReadAllBytes(output)).Single(n => n.Version == Needed).IsWeak);
    }

    [Fact]
    public void ReadHostLibStdCxxVersions_ThisHost_ListsGlibcxxVersions()
    {
        var versions = ElfVersionPatcher.ReadHostLibStdCxxVersions();

        Assert.NotNull(versions);
        Assert.Contains("GLIBCXX_3.4", versions);
        Assert.Contains("CXXABI_1.3", versions);
    }

    [Fact]
    public void BuildOutput_LibTorchSharp_IsLoadableOnThisHost()
    {
        var host = ElfVersionPatcher.ReadHostLibStdCxxVersions()!;
        var output = Directory.GetFiles(AppContext.BaseDirectory, "libLibTorchSharp.so", SearchOption.AllDirectories);

        Assert.NotEmpty(output);
        foreach (var path in output)
        {
            var need = ElfVersionPatcher.ReadVersionNeeds(File.ReadAllBytes(path)).Single(n => n.Version == Needed);
            // Weak exactly when this host's libstdc++ lacks the version; untouched otherwise.
            Assert.Equal(!host.Contains(Needed), need.IsWeak);
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "link", SetLastError = true)]
    private static extern int Link(string oldPath, string newPath);
}
