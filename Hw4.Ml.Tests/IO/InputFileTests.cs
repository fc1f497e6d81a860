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
}
