using Hw4.Ml.IO;
using Hw4.Ml.Tests.Data;

namespace Hw4.Ml.Tests.IO;

/// <summary>The one guarded reader of files other hands write: regular files inside the folder, within a cap.</summary>
public sealed class ContainedFileTests
{
    [Fact]
    public void TryReadAllBytes_RegularFileWithinTheCap_ReturnsItsBytes()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.Combine("a.json"), [1, 2, 3]);

        Assert.Equal([1, 2, 3], ContainedFile.TryReadAllBytes(dir.Combine("a.json"), dir.Path, "run/a.json", 3));
        Assert.Null(ContainedFile.TryReadAllBytes(dir.Combine("missing.json"), dir.Path, "run/missing.json", 3));
    }

    [Fact]
    public void TryReadAllBytes_OverTheCap_RefusedNamingTheFileItsSizeAndTheCap()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.Combine("run.json"), new byte[3 << 20]);

        var e = Assert.Throws<InvalidDataException>(() => ContainedFile.TryReadAllBytes(dir.Combine("run.json"), dir.Path, "r1/run.json", 1 << 20));

        Assert.Equal("r1/run.json is 3 MiB (3,145,728 bytes), over the 1 MiB limit for that file; it was not read.", e.Message);
        Assert.DoesNotContain(dir.Path, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryOpenRead_Fifo_RefusedWithinOneSecondNeverOpenedForReading()
    {
        using var dir = new TempDirectory();
        var fifo = Fifo.Create(dir.Combine("run.json"));

        var e = Fifo.WithinSeconds(1, () => Assert.Throws<InvalidDataException>(() => ContainedFile.TryOpenRead(fifo, dir.Path, "r1/run.json", 1 << 20)));

        Assert.Equal("r1/run.json is a named pipe (FIFO), not a regular file; it was not read.", e.Message);
    }

    [Fact]
    public void TryOpenRead_DirectoryOrDevice_Refused()
    {
        using var dir = new TempDirectory();
        Directory.CreateDirectory(dir.Combine("model_2.params"));

        Assert.Contains("is a directory", Assert.Throws<InvalidDataException>(() => ContainedFile.TryOpenRead(dir.Combine("model_2.params"), dir.Path, "m", 10)).Message);
        Assert.Contains("character device", Assert.Throws<InvalidDataException>(() => ContainedFile.TryOpenRead("/dev/zero", "/dev", "zero", 10)).Message);
    }

    [Fact]
    public void TryOpenRead_SymlinkLeavingTheFolder_RefusedAndOneInsideIt_Read()
    {
        using var dir = new TempDirectory();
        var run = Directory.CreateDirectory(dir.Combine("run")).FullName;
        File.WriteAllText(dir.Combine("secret.txt"), "outside");
        File.WriteAllText(Path.Combine(run, "notes.json"), "inside");
        File.CreateSymbolicLink(Path.Combine(run, "run.json"), dir.Combine("secret.txt"));
        File.CreateSymbolicLink(Path.Combine(run, "alias.json"), Path.Combine(run, "notes.json"));

        var e = Assert.Throws<InvalidDataException>(() => ContainedFile.TryReadAllBytes(Path.Combine(run, "run.json"), run, "run/run.json", 100));

        Assert.Equal("run/run.json is a link to a file outside its folder (run); it was not read.", e.Message);
        Assert.Equal("inside"u8.ToArray(), ContainedFile.TryReadAllBytes(Path.Combine(run, "alias.json"), run, "run/alias.json", 100));
    }
}
