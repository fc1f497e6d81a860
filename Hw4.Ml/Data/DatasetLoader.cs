using System.Buffers.Binary;
using Hw4.Ml.IO;

namespace Hw4.Ml.Data;

/// <summary>
/// Loads CIFAR-style datasets from any supported layout (see <see cref="DatasetFormat"/>), detected from the path's
/// content, and keeps a decoded cache so that later loads skip decoding. Produces raw uint8 <see cref="ImageSet"/>s;
/// transforms are applied later, per batch.
/// </summary>
public static class DatasetLoader
{
    /// <summary>
    /// Loads the train and test sets from <paramref name="path"/> (a directory, .zip, .tar.gz or .npz).
    /// A warm load reads the cache when the source's size and modification time are unchanged (or, if they changed,
    /// when its SHA-256 still matches); otherwise the source is decoded and the cache rewritten.
    /// </summary>
    /// <exception cref="DatasetException">The source is missing, unrecognised, truncated, corrupt or inconsistent.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="ct"/> was cancelled.</exception>
    public static CifarData Load(string path, DatasetLoadOptions options, IProgress<DatasetLoadProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var source = Path.GetFullPath(path);
        try
        {
            return LoadCore(source, options, progress, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"{source}: could not be read ({ex.Message}).", ex);
        }
    }

    private static CifarData LoadCore(string source, DatasetLoadOptions options, IProgress<DatasetLoadProgress>? progress, CancellationToken ct)
    {
        var format = Detect(source);
        if (format is DatasetFormat.ImageFolder or DatasetFormat.CifarBinary)
            EnsureOnlyRegularFiles(source);
        else if (new FileInfo(source).Length is var length && length > options.MaxTotalBytes)
        {
            // Inflating never yields fewer bytes than were stored (but for headers), so a file larger than the cap cannot
            // fit it; refused before it is hashed, which would read all of it.
            throw new DatasetException(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"{source}: {length:N0} bytes on disk, more than the {options.MaxTotalBytes:N0}-byte cap for a whole dataset (MaxTotalBytes)."));
        }

        var fingerprint = SourceIdentity.Fingerprint(source);
        string? sourceHash = null;

        var cacheFile = options.UseCache ? DatasetCache.PathFor(options.ResolvedCacheDirectory, source, format == DatasetFormat.Npz ? options.TestSize : null) : null;
        var header = cacheFile is null ? null : DatasetCache.ReadHeader(cacheFile);
        if (cacheFile is not null && header is not null && header.Source == source && header.Format == format)
        {
            var fresh = header.Fingerprint == fingerprint;
            if (!fresh)
            {
                sourceHash = SourceIdentity.ContentHash(source, progress, ct);
                fresh = sourceHash == header.SourceHash;
            }

            if (fresh)
            {
                progress?.Report(new DatasetLoadProgress("cache-read", 0, 1));
                var cached = DatasetCache.ReadPayload(cacheFile, header);
                if (cached is { } sets)
                {
                    if (header.Fingerprint != fingerprint)
                        DatasetCache.Write(cacheFile, header with { Fingerprint = fingerprint }, sets.Train, sets.Test); // only touched: remember the new times
                    progress?.Report(new DatasetLoadProgress("cache-read", 1, 1));
                    return new CifarData(sets.Train, sets.Test, header.SourceHash, source, format, FromCache: true);
                }
            }
        }

        sourceHash ??= SourceIdentity.ContentHash(source, progress, ct);
        var (train, test) = Read(source, format, options, progress, ct);
        if (train.Classes.Count != test.Classes.Count)
            throw new DatasetException($"{source}: train and test disagree on the classes.");
        if (cacheFile is not null)
        {
            progress?.Report(new DatasetLoadProgress("cache-write", 0, 1));
            var written = new DatasetCache.Header(source, format, format == DatasetFormat.Npz ? options.TestSize : null, fingerprint, sourceHash, [.. train.Classes], train.Count, test.Count, PayloadHash: string.Empty);
            DatasetCache.Write(cacheFile, written, train, test);
            progress?.Report(new DatasetLoadProgress("cache-write", 1, 1));
        }

        return new CifarData(train, test, sourceHash, source, format, FromCache: false);
    }

    /// <summary>Works out the layout of <paramref name="path"/> from its content (not only its extension).</summary>
    /// <exception cref="DatasetException">The path does not exist or is no supported dataset.</exception>
    public static DatasetFormat Detect(string path)
    {
        if (Directory.Exists(path))
            return CifarBinaryReader.FindBatchDirectory(path) is not null ? DatasetFormat.CifarBinary : DatasetFormat.ImageFolder;
        if (!File.Exists(path))
            throw new DatasetException($"{path}: no such file or directory.");
        // Before opening it: a FIFO would block here forever and a device never end.
        if (InputFile.RefusalReason(path) is { } reason)
            throw new DatasetException($"{path}: {reason}.");

        var head = new byte[512];
        int length;
        using (var stream = InputFile.OpenRead(path))
            length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var bytes = head.AsSpan(0, length);
        if (bytes.StartsWith("PK\u0003\u0004"u8) || bytes.StartsWith("PK\u0005\u0006"u8))
            return IsNpz(path, bytes) ? DatasetFormat.Npz : DatasetFormat.ImageFolderZip;
        if (bytes.StartsWith(new byte[] { 0x1f, 0x8b }) || (length >= 262 && bytes[257..262].SequenceEqual("ustar"u8)))
            return DatasetFormat.CifarBinaryTar;
        if (length >= 6 && bytes[0] == 0x93 && bytes[1..6].SequenceEqual("NUMPY"u8))
            throw new DatasetException($"{path}: a single .npy array; expected an .npz holding X, y and label_names.");
        throw new DatasetException($"{path}: not a recognised dataset (expected a train/test image folder, a .zip of one, cifar-10-binary.tar.gz, a folder of CIFAR-10 .bin batches, or an .npz).");
    }

    /// <summary>
    /// Refuses a dataset folder holding a FIFO, a device or a socket anywhere below it, before anything is read: the
    /// fingerprint, the content hash and the readers all open every file.
    /// </summary>
    private static void EnsureOnlyRegularFiles(string directory)
    {
        foreach (var file in Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories))
        {
            if (InputFile.RefusalReason(file) is { } reason)
                throw new DatasetException($"{file}: {reason} (in the dataset folder {directory}).");
        }
    }

    /// <summary>
    /// An .npz is a zip of .npy members. Decided from the extension or the first local header's file name, because
    /// opening the archive would parse the whole central directory (60,000 entries for the image zip) on every load.
    /// </summary>
    private static bool IsNpz(string path, ReadOnlySpan<byte> head)
    {
        if (path.EndsWith(".npz", StringComparison.OrdinalIgnoreCase))
            return true;
        if (head.Length < 30)
            return false;
        var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(head[26..]);
        return head.Length >= 30 + nameLength && head.Slice(30, nameLength).EndsWith(".npy"u8);
    }

    private static (ImageSet Train, ImageSet Test) Read(string source, DatasetFormat format, DatasetLoadOptions options, IProgress<DatasetLoadProgress>? progress, CancellationToken ct)
    {
        try
        {
            return format switch
            {
                DatasetFormat.ImageFolder => ImageFolderReader.ReadDirectory(source, options, progress, ct),
                DatasetFormat.ImageFolderZip => ImageFolderReader.ReadZip(source, options, progress, ct),
                DatasetFormat.CifarBinary => CifarBinaryReader.ReadDirectory(CifarBinaryReader.FindBatchDirectory(source)!, options, progress, ct),
                DatasetFormat.CifarBinaryTar => CifarBinaryReader.ReadTar(source, options, progress, ct),
                DatasetFormat.Npz => NpzReader.Read(source, options, progress, ct),
                _ => throw new DatasetException($"{source}: unsupported format {format}."),
            };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasetException($"{source}: could not be read ({ex.Message}).", ex);
        }
        catch (Exception ex) when (ex is not (DatasetException or OperationCanceledException or OutOfMemoryException))
        {
            // Decoders and archive readers fed crafted bytes can fail in ways they do not document (index or argument
            // errors); the user still gets one line naming the source, not a trace.
            var inner = ex is AggregateException { InnerExceptions.Count: > 0 } aggregate ? aggregate.InnerExceptions[0] : ex;
            throw new DatasetException($"{source}: could not be read as {format} ({inner.GetType().Name}: {inner.Message}).", ex);
        }
    }
}
