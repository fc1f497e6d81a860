using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Hw4.Ml.IO;

/// <summary>
/// Checks that a path is a regular file before anything opens it. Opening a FIFO for reading blocks until a writer
/// appears and a device such as <c>/dev/zero</c> never ends, while .NET reports both as ordinary files
/// (<see cref="FileSystemInfo.Attributes"/> is <c>Normal</c> and <see cref="FileInfo.Length"/> 0), so the kind is read with
/// <c>stat(2)</c>, which does not open the file.
/// </summary>
public static class InputFile
{
    private const int ModeTypeMask = 0xF000;

    // open(2) and fcntl(2) constants, the same on Linux x86-64 and arm64.
    private const int ReadOnly = 0;
    private const int NonBlocking = 0x800;
    private const int CloseOnExec = 0x80000;
    private const int GetFlags = 3;
    private const int SetFlags = 4;

    // glibc's struct stat is 144 bytes on x86-64 and 128 on arm64; macOS's is 144. Room to spare.
    private const int StatBufferBytes = 512;

    /// <summary>The kind of file at <paramref name="path"/>, following symbolic links, without opening it.</summary>
    public static FileKind KindOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (OperatingSystem.IsWindows())
            return WindowsKind(path);
        if (ModeOffset() is not { } offset)
            return FallbackKind(path);

        var buffer = new byte[StatBufferBytes];
        int result;
        try
        {
            result = Stat(path, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            // glibc before 2.33 exports stat only as __xstat (version 1 on x86-64, 0 on arm64).
            result = XStat(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0, path, buffer);
        }

        if (result != 0)
            return Marshal.GetLastPInvokeError() == 2 /* ENOENT */ ? FileKind.Missing : FallbackKind(path);

        var mode = OperatingSystem.IsMacOS()
            ? BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(offset))
            : BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset));
        return Kind(mode);
    }

    /// <summary>
    /// Null when <paramref name="path"/> is a regular file; otherwise why it is refused ("is a named pipe (FIFO)",
    /// "does not exist", ...), phrased to follow the file name in a message.
    /// </summary>
    public static string? RefusalReason(string path) => Describe(KindOf(path));

    private static string? Describe(FileKind kind) => kind switch
    {
        FileKind.Regular or FileKind.Unknown => null,
        FileKind.Missing => "does not exist",
        FileKind.Directory => "is a directory, not a file",
        FileKind.Fifo => "is a named pipe (FIFO), not a regular file",
        FileKind.CharacterDevice => "is a character device, not a regular file",
        FileKind.BlockDevice => "is a block device, not a regular file",
        FileKind.Socket => "is a socket, not a regular file",
        _ => null,
    };

    private static FileKind Kind(uint mode) =>
        (mode & ModeTypeMask) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0x1000 => FileKind.Fifo,
            0x2000 => FileKind.CharacterDevice,
            0x6000 => FileKind.BlockDevice,
            0xC000 => FileKind.Socket,
            _ => FileKind.Unknown,
        };

    /// <summary>
    /// Opens <paramref name="path"/> for reading if it is a regular file, checking the kind on the opened descriptor so
    /// that a file swapped for a FIFO after <see cref="KindOf"/> still cannot block: on Linux the open is non-blocking
    /// (a FIFO opens at once) and <c>fstat</c> decides before anything is read.
    /// </summary>
    /// <exception cref="IOException">The path is not a regular file (the message says what it is), or cannot be opened.</exception>
    public static FileStream OpenRead(string path, int bufferSize = 1)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() || ModeOffset() is not { } offset)
        {
            if (RefusalReason(path) is { } reason)
                throw new IOException($"{path} {reason}.");
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        }

        var fd = OpenNative(path, ReadOnly | NonBlocking | CloseOnExec);
        if (fd < 0)
        {
            // Let .NET raise its usual exception (not found, access denied, ...) for the same path.
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize, FileOptions.SequentialScan);
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            var buffer = new byte[StatBufferBytes];
            if (FStat(fd, buffer) != 0)
                throw new IOException($"{path}: fstat failed (errno {Marshal.GetLastPInvokeError()}).");
            var kind = Kind(BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset)));
            if (kind != FileKind.Regular)
                throw new IOException($"{path} {Describe(kind) ?? "is not a regular file"}.");
            // Regular files ignore O_NONBLOCK, but clear it so the descriptor is an ordinary one.
            var flags = Fcntl(fd, GetFlags, 0);
            if (flags >= 0)
                Fcntl(fd, SetFlags, flags & ~NonBlocking);
            return new FileStream(handle, FileAccess.Read, bufferSize);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>Offset of st_mode in struct stat, or null where the layout is not known.</summary>
    private static int? ModeOffset()
    {
        if (OperatingSystem.IsMacOS())
            return 4; // dev_t st_dev (int32), then mode_t st_mode (uint16)
        if (!OperatingSystem.IsLinux())
            return null;
        return RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => 24, // st_dev, st_ino, st_nlink (8 bytes each), then st_mode
            Architecture.Arm64 => 16, // st_dev, st_ino, then st_mode (the generic layout)
            _ => null,
        };
    }

    private static FileKind WindowsKind(string path)
    {
        var info = new FileInfo(path);
        if (Directory.Exists(path))
            return FileKind.Directory;
        if (!info.Exists)
            return FileKind.Missing;
        return info.Attributes.HasFlag(FileAttributes.Device) ? FileKind.CharacterDevice : FileKind.Regular;
    }

    private static FileKind FallbackKind(string path) =>
        Directory.Exists(path) ? FileKind.Directory : File.Exists(path) ? FileKind.Unknown : FileKind.Missing;

    // DllImport rather than LibraryImport: the latter needs AllowUnsafeBlocks for the whole library.
    [DllImport("libc", EntryPoint = "stat", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int Stat(string path, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "__xstat", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int XStat(int version, string path, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int OpenNative(string path, int flags);

    private static int FStat(int fd, byte[] buffer)
    {
        try
        {
            return FStatNative(fd, buffer);
        }
        catch (EntryPointNotFoundException)
        {
            return FXStat(RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 1 : 0, fd, buffer);
        }
    }

    [DllImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static extern int FStatNative(int fd, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "__fxstat", SetLastError = true)]
    private static extern int FXStat(int version, int fd, [Out] byte[] buffer);

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int command, int argument);
}
