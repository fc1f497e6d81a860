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
    private const int NoControllingTerminal = 0x100;
    private const int WriteOnly = 1;
    private const int Create = 0x40;
    private const int Append = 0x400;
    private const int NoFollow = 0x20000;
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
    public static FileStream OpenRead(string path, int bufferSize = 1) =>
        TryOpenRegular(path, bufferSize, out var kind)
        ?? throw new IOException($"{path} {Describe(kind) ?? "is not a regular file"}.");

    /// <summary>
    /// The canonical absolute path of <paramref name="path"/> with every symbolic link, <c>.</c> and <c>..</c> resolved
    /// (<c>realpath(3)</c>), or null when it does not exist; where that call is not available, the full path unresolved.
    /// </summary>
    public static string? RealPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS())
            return File.Exists(path) || Directory.Exists(path) ? Path.GetFullPath(path) : null;
        var resolved = RealPathNative(path, IntPtr.Zero);
        if (resolved == IntPtr.Zero)
            return null;
        try
        {
            return Marshal.PtrToStringUTF8(resolved);
        }
        finally
        {
            Free(resolved);
        }
    }

    /// <summary>
    /// Where the open <paramref name="stream"/> really is (Linux: the kernel's name for its descriptor, so no link or
    /// rename after the open can fool it); null where that cannot be known.
    /// </summary>
    public static string? OpenedPath(FileStream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!OperatingSystem.IsLinux())
            return null;
        var fd = stream.SafeFileHandle.DangerousGetHandle().ToInt64();
        try
        {
            return new FileInfo($"/proc/self/fd/{fd}").LinkTarget;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// <see cref="OpenRead"/> without the exception for a path that is not a regular file: null then, with
    /// <paramref name="kind"/> saying what it is. A missing file still throws <see cref="FileNotFoundException"/>.
    /// </summary>
    internal static FileStream? TryOpenRegular(string path, int bufferSize, out FileKind kind)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() || ModeOffset() is not { } offset)
        {
            kind = KindOf(path);
            if (kind is not (FileKind.Regular or FileKind.Unknown or FileKind.Missing))
                return null;
            kind = FileKind.Regular;
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize, FileOptions.SequentialScan);
        }

        var fd = OpenNative(path, ReadOnly | NonBlocking | CloseOnExec | NoControllingTerminal);
        if (fd < 0)
        {
            // Opening a Unix socket fails (ENXIO) where stat would call it a socket.
            if (Marshal.GetLastPInvokeError() == 6 /* ENXIO */ && KindOf(path) is FileKind.Socket)
            {
                kind = FileKind.Socket;
                return null;
            }

            // Let .NET raise its usual exception (not found, access denied, ...) for the same path.
            kind = FileKind.Regular;
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize, FileOptions.SequentialScan);
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            var buffer = new byte[StatBufferBytes];
            if (FStat(fd, buffer) != 0)
                throw new IOException($"{path}: fstat failed (errno {Marshal.GetLastPInvokeError()}).");
            kind = Kind(BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset)));
            if (kind != FileKind.Regular)
            {
                handle.Dispose();
                return null;
            }

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

    /// <summary>
    /// Opens <paramref name="path"/> to append to it, creating it when missing, but never through a symbolic link (on
    /// Linux <c>O_NOFOLLOW</c>: a link planted in its place could point anywhere) and only when it is a regular file
    /// (a FIFO without a reader fails at once instead of blocking).
    /// </summary>
    /// <exception cref="IOException">The path is a link or not a regular file (the message says which), or cannot be opened.</exception>
    public static FileStream OpenAppend(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!OperatingSystem.IsLinux() || ModeOffset() is not { } offset)
        {
            if (new FileInfo(path).LinkTarget is not null)
                throw new IOException($"{Path.GetFileName(path)} is a symbolic link; nothing is written through it.");
            return new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        }

        var fd = OpenNativeMode(path, WriteOnly | Create | Append | NoFollow | NonBlocking | CloseOnExec | NoControllingTerminal, 0b110_110_100);
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw errno switch
            {
                40 /* ELOOP */ => new IOException($"{Path.GetFileName(path)} is a symbolic link; nothing is written through it."),
                6 /* ENXIO: a FIFO nobody reads */ => new IOException($"{Path.GetFileName(path)} is a named pipe (FIFO), not a regular file."),
                13 /* EACCES */ => new UnauthorizedAccessException($"{Path.GetFileName(path)}: permission denied."),
                _ => new IOException($"{Path.GetFileName(path)} cannot be opened for writing (errno {errno})."),
            };
        }

        var handle = new SafeFileHandle(fd, ownsHandle: true);
        try
        {
            var buffer = new byte[StatBufferBytes];
            if (FStat(fd, buffer) != 0)
                throw new IOException($"{Path.GetFileName(path)}: fstat failed (errno {Marshal.GetLastPInvokeError()}).");
            var kind = Kind(BinaryPrimitives.ReadUInt32LittleEndian(buffer.AsSpan(offset)));
            if (kind != FileKind.Regular)
                throw new IOException($"{Path.GetFileName(path)} {Describe(kind) ?? "is not a regular file"}.");
            var flags = Fcntl(fd, GetFlags, 0);
            if (flags >= 0)
                Fcntl(fd, SetFlags, flags & ~NonBlocking);
            return new FileStream(handle, FileAccess.Write, 1);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>What <see cref="RefusalReason"/> says for <paramref name="kind"/> (null for a regular file).</summary>
    internal static string? Describe(FileKind kind) => kind switch
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

    [DllImport("libc", EntryPoint = "open", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern int OpenNativeMode(string path, int flags, int mode);

    [DllImport("libc", EntryPoint = "realpath", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false)]
    private static extern IntPtr RealPathNative(string path, IntPtr resolved);

    [DllImport("libc", EntryPoint = "free")]
    private static extern void Free(IntPtr pointer);

    [DllImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static extern int Fcntl(int fd, int command, int argument);
}
