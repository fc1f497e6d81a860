using System.Diagnostics;
using System.Net.Sockets;
using Hw4.Ml.IO;
using Hw4.Ml.Tests.Data;

namespace Hw4.Ml.Tests.IO;

public sealed class InputFileTests
{
    [Fact]
    public void KindOf_Fifo_ReportedWithoutOpeningItWithinOneSecond()
    {
        using var dir = new TempDirectory();
        var fifo = Fifo.Create(dir.Combine("pipe"));
        // The first call binds libc's stat and JIT-compiles; on a loaded machine that alone can take a while.
        InputFile.KindOf(dir.Combine("."));
        var clock = Stopwatch.StartNew();

        var kind = Fifo.WithinSeconds(1, () => InputFile.KindOf(fifo));

        Assert.Equal(FileKind.Fifo, kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        Assert.Equal("is a named pipe (FIFO), not a regular file", InputFile.RefusalReason(fifo));
    }

    [Fact]
    public void KindOf_DevZero_IsCharacterDevice()
    {
        Assert.Equal(FileKind.CharacterDevice, InputFile.KindOf("/dev/zero"));
        Assert.NotNull(InputFile.RefusalReason("/dev/zero"));
    }

    [Fact]
    public void KindOf_RegularFileDirectoryAndMissing_Distinguished()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("a.bin");
        File.WriteAllBytes(file, [1, 2, 3]);

        Assert.Equal(FileKind.Regular, InputFile.KindOf(file));
        Assert.Null(InputFile.RefusalReason(file));
        Assert.Equal(FileKind.Directory, InputFile.KindOf(dir.Path));
        Assert.Equal(FileKind.Missing, InputFile.KindOf(dir.Combine("none")));
    }

    [Fact]
    public void KindOf_SymlinkToFifo_FollowsTheLink()
    {
        using var dir = new TempDirectory();
        var fifo = Fifo.Create(dir.Combine("pipe"));
        var link = dir.Combine("link.png");
        File.CreateSymbolicLink(link, fifo);

        Assert.Equal(FileKind.Fifo, InputFile.KindOf(link));
    }

    [Fact]
    public void KindOf_UnixSocket_IsSocket()
    {
        using var dir = new TempDirectory();
        var path = dir.Combine("s.sock");
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));

        Assert.Equal(FileKind.Socket, InputFile.KindOf(path));
    }

    [Fact]
    public void OpenRead_Fifo_RefusedOnTheOpenedDescriptorWithinOneSecond()
    {
        // What a file swapped for a FIFO after KindOf meets: the open itself must not block.
        using var dir = new TempDirectory();
        var fifo = Fifo.Create(dir.Combine("pipe"));

        var error = Fifo.WithinSeconds(1, () => Assert.Throws<IOException>(() => InputFile.OpenRead(fifo)));

        Assert.Equal($"{fifo} is a named pipe (FIFO), not a regular file.", error.Message);
    }

    [Fact]
    public void OpenRead_DevZeroAndDirectory_Refused()
    {
        using var dir = new TempDirectory();

        Assert.Equal("/dev/zero is a character device, not a regular file.", Assert.Throws<IOException>(() => InputFile.OpenRead("/dev/zero")).Message);
        Assert.Contains("is a directory", Assert.Throws<IOException>(() => InputFile.OpenRead(dir.Path)).Message);
    }

    [Fact]
    public void OpenRead_RegularFile_ReadsItAndMissingFileIsFileNotFound()
    {
        using var dir = new TempDirectory();
        var file = dir.Combine("a.bin");
        File.WriteAllBytes(file, [1, 2, 3]);

        using (var stream = InputFile.OpenRead(file))
        {
            var bytes = new byte[4];
            Assert.Equal(3, stream.ReadAtLeast(bytes, 4, throwOnEndOfStream: false));
            Assert.Equal(new byte[] { 1, 2, 3, 0 }, bytes);
            Assert.Equal(3, stream.Length);
        }

        Assert.Throws<FileNotFoundException>(() => InputFile.OpenRead(dir.Combine("none")));
    }
}
