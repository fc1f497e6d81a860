using System.Globalization;

namespace Hw4.Ml.IO;

/// <summary>
/// Reads the files of a folder that other hands write (a run folder on shared storage, the artifacts folder): a
/// regular file only, checked on the opened descriptor without blocking (a FIFO is refused at once, never read); whose
/// real location, every link resolved, lies inside the folder (a symbolic link leaving it is refused); and no larger
/// than a cap, checked before a byte is read and again while reading (a file that grows meanwhile is refused too).
/// Every refusal is an <see cref="InvalidDataException"/> whose message names the file as the caller spells it
/// (relative to the artifacts folder, never an absolute server path), with its size and the cap where those apply.
/// </summary>
public static class ContainedFile
{
    /// <summary>
    /// Opens <paramref name="path"/>, which must lie inside <paramref name="root"/>, for reading; null when it does not
    /// exist. The stream's length is at most <paramref name="maxBytes"/> when it is returned.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="root">The folder it must be inside (compared by real path: links resolved).</param>
    /// <param name="name">How messages name the file (e.g. <c>&lt;run-id&gt;/run.json</c>).</param>
    /// <param name="maxBytes">The largest size read.</param>
    /// <exception cref="InvalidDataException">Not a regular file, outside <paramref name="root"/>, or too large.</exception>
    public static FileStream? TryOpenRead(string path, string root, string name, long maxBytes)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(name);
        ArgumentOutOfRangeException.ThrowIfNegative(maxBytes);

        // stat first: a device or a FIFO is refused without even being opened.
        var kind = InputFile.KindOf(path);
        if (kind == FileKind.Missing)
            return null;
        if (InputFile.Describe(kind) is { } early)
            throw new InvalidDataException($"{name} {early}; it was not read.");

        FileStream? stream;
        try
        {
            stream = InputFile.TryOpenRegular(path, bufferSize: 1, out kind);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null; // removed between the stat and the open
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The runtime's message names the server path; this one names the file as the caller does.
            throw CannotRead(name, e);
        }

        if (stream is null)
            throw new InvalidDataException($"{name} {InputFile.Describe(kind) ?? "is not a regular file"}; it was not read.");
        try
        {
            if (!IsInside(stream, path, root))
                throw new InvalidDataException($"{name} is a link to a file outside {Describe(root)}; it was not read.");
            if (stream.Length > maxBytes)
                throw TooLarge(name, stream.Length, maxBytes);
            return stream;
        }
        catch
        {
            stream.Dispose();
            throw;
        }
    }

    /// <summary>The bytes of <paramref name="path"/> (see <see cref="TryOpenRead"/>), or null when it does not exist.</summary>
    /// <exception cref="InvalidDataException">Not a regular file, outside <paramref name="root"/>, or too large.</exception>
    public static byte[]? TryReadAllBytes(string path, string root, string name, long maxBytes)
    {
        using var stream = TryOpenRead(path, root, name, maxBytes);
        if (stream is null)
            return null;
        try
        {
            // Read to the end, never past the cap: the file may have grown since its length was taken.
            var buffer = new MemoryStream((int)Math.Min(stream.Length, int.MaxValue - 1));
            var chunk = new byte[Math.Min(81_920, maxBytes + 1)];
            int read;
            while ((read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, maxBytes + 1 - buffer.Length))) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > maxBytes)
                    throw TooLarge(name, Math.Max(stream.Length, buffer.Length), maxBytes);
            }

            return buffer.ToArray();
        }
        catch (IOException e)
        {
            throw CannotRead(name, e);
        }
    }

    /// <summary>
    /// The refusal of a file that could not be opened or read (<paramref name="cause"/> kept as the inner exception:
    /// its message names the server path, which is for the log, not for the user).
    /// </summary>
    public static InvalidDataException CannotRead(string name, Exception cause) =>
        new($"{name} cannot be read ({(cause is UnauthorizedAccessException ? "permission denied" : "an I/O error")}).", cause);

    /// <summary>The refusal of a file of <paramref name="bytes"/> over the cap <paramref name="maxBytes"/>.</summary>
    public static InvalidDataException TooLarge(string name, long bytes, long maxBytes) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"{name} is {Size(bytes)} ({bytes:N0} bytes), over the {Size(maxBytes)} limit for that file; it was not read."));

    /// <summary>A size for people: 1.5 MiB, 640 KiB, 300 bytes.</summary>
    public static string Size(long bytes) => bytes switch
    {
        >= 1L << 30 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GiB"),
        >= 1L << 20 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0.#} MiB"),
        >= 1L << 10 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 10):0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };

    // The folder's own name, never the server path above it.
    private static string Describe(string root) => $"its folder ({Path.GetFileName(Path.TrimEndingDirectorySeparator(root))})";

    private static bool IsInside(FileStream stream, string path, string root)
    {
        var realRoot = InputFile.RealPath(root);
        if (realRoot is null)
            return false;
        realRoot = Path.TrimEndingDirectorySeparator(realRoot) + Path.DirectorySeparatorChar;
        // Linux names the file the descriptor really opened; elsewhere every entry on the way must be a real one.
        if (InputFile.OpenedPath(stream) is { } opened)
            return opened.StartsWith(realRoot, StringComparison.Ordinal);
        var full = Path.GetFullPath(path);
        var lexicalRoot = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(lexicalRoot, StringComparison.Ordinal))
            return false;
        var current = lexicalRoot.TrimEnd(Path.DirectorySeparatorChar);
        foreach (var segment in full[lexicalRoot.Length..].Split(Path.DirectorySeparatorChar))
        {
            current = Path.Combine(current, segment);
            if (new FileInfo(current).LinkTarget is not null)
                return false;
        }

        return true;
    }
}
