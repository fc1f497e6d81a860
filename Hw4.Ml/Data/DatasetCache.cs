using System.Buffers.Binary;
using System.IO.Hashing;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Hw4.Ml.Data;

/// <summary>
/// The decoded-dataset cache: one file per source holding a JSON header (source identity, classes, counts, payload
/// hash) followed by the labels (int32 LE) and the raw CHW pixels. A warm load reads the payload in 8 MiB chunks on
/// every core (most of its cost is the kernel filling fresh pages, which parallelises) and hashes each chunk as it
/// lands; the payload hash is XxHash3 over the chunks' XxHash3 digests in file order.
/// Written to a temp file and renamed into place, so readers never see a half-written cache; anything that does not
/// check out (magic, version, lengths, payload hash, labels) makes the reader return null and the caller rebuild.
/// </summary>
internal static class DatasetCache
{
    private const int Version = 3;
    private const int ChunkBytes = 8 << 20;
    private const int MaxHeaderBytes = 1 << 20;
    private static ReadOnlySpan<byte> Magic => "HW4DSET\0"u8;

    internal sealed record Header(
        string Source,
        DatasetFormat Format,
        int? TestSize,
        string Fingerprint,
        string SourceHash,
        string[] Classes,
        int TrainCount,
        int TestCount,
        string PayloadHash);

    /// <summary>The cache file for a source: named by a hash of its full path and the options that change the result.</summary>
    public static string PathFor(string cacheDirectory, string source, int? testSize)
    {
        var key = SHA256.HashData(Encoding.UTF8.GetBytes($"{source}\0{testSize}"));
        return Path.Combine(cacheDirectory, $"cifar-{Convert.ToHexStringLower(key)[..20]}.hw4ds");
    }

    public static Header? ReadHeader(string file)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            return ReadHeader(stream);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return null;
        }
    }

    public static (ImageSet Train, ImageSet Test)? ReadPayload(string file, Header expected)
    {
        try
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            var header = ReadHeader(stream);
            if (header is null || header.PayloadHash != expected.PayloadHash || header.SourceHash != expected.SourceHash)
                return null; // replaced between the two reads
            // Checked before allocating: a damaged or crafted header must not size the arrays.
            var payloadBytes = ((long)header.TrainCount + header.TestCount) * (sizeof(int) + ImageSet.ImageBytes);
            if (stream.Length - stream.Position != payloadBytes)
                return null;
            // Uninitialised: every byte is overwritten by the read, and zeroing 184 MB first would double the memory traffic.
            var trainLabelBytes = GC.AllocateUninitializedArray<byte>(header.TrainCount * sizeof(int));
            var testLabelBytes = GC.AllocateUninitializedArray<byte>(header.TestCount * sizeof(int));
            var trainPixels = GC.AllocateUninitializedArray<byte>(header.TrainCount * ImageSet.ImageBytes);
            var testPixels = GC.AllocateUninitializedArray<byte>(header.TestCount * ImageSet.ImageBytes);
            Memory<byte>[] segments = [trainLabelBytes, testLabelBytes, trainPixels, testPixels];
            var dataStart = stream.Position;
            if (stream.Length - dataStart != segments.Sum(m => (long)m.Length))
                return null; // truncated or padded

            var chunks = Chunk(segments);
            var digests = new ulong[chunks.Count];
            var handle = stream.SafeFileHandle;
            var complete = true;
            Parallel.For(0, chunks.Count, i =>
            {
                var (memory, offset) = chunks[i];
                var span = memory.Span;
                for (var done = 0; done < span.Length;)
                {
                    var read = RandomAccess.Read(handle, span[done..], dataStart + offset + done);
                    if (read == 0)
                    {
                        complete = false; // the file shrank under us
                        return;
                    }

                    done += read;
                }

                digests[i] = XxHash3.HashToUInt64(span);
            });
            if (!complete || Combine(digests) != header.PayloadHash)
                return null;
            var (trainLabels, testLabels) = (FromLittleEndian(trainLabelBytes), FromLittleEndian(testLabelBytes));
            if (OutOfRange(trainLabels, header.Classes.Length) || OutOfRange(testLabels, header.Classes.Length))
                return null;
            return (new ImageSet(trainPixels, trainLabels, header.Classes), new ImageSet(testPixels, testLabels, header.Classes));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or OutOfMemoryException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Writes the cache atomically; returns false (leaving no temp file) when the cache folder is not writable.</summary>
    public static bool Write(string file, Header header, ImageSet train, ImageSet test)
    {
        var directory = Path.GetDirectoryName(file)!;
        var temp = Path.Combine(directory, $".{Path.GetFileName(file)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(directory);
            var labelBytes = new[] { LittleEndian(train.Labels), LittleEndian(test.Labels) };
            var chunks = Chunk([labelBytes[0], labelBytes[1], train.Pixels, test.Pixels]);
            var digests = new ulong[chunks.Count];
            Parallel.For(0, chunks.Count, i => digests[i] = XxHash3.HashToUInt64(chunks[i].Memory.Span));
            header = header with { PayloadHash = Combine(digests) };

            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1))
            {
                var json = JsonSerializer.SerializeToUtf8Bytes(header, CacheJsonContext.Default.Header);
                Span<byte> prefix = stackalloc byte[16];
                Magic.CopyTo(prefix);
                BinaryPrimitives.WriteInt32LittleEndian(prefix[8..], Version);
                BinaryPrimitives.WriteInt32LittleEndian(prefix[12..], json.Length);
                stream.Write(prefix);
                stream.Write(json);
                foreach (var bytes in labelBytes)
                    stream.Write(bytes);
                stream.Write(train.Pixels);
                stream.Write(test.Pixels);
            }

            // No fsync before the rename: after a crash the worst case is a short or zeroed file, which the reader's
            // length and XxHash3 checks reject, so the cache is rebuilt; syncing 184 MB would cost seconds per cold load.
            File.Move(temp, file, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            return false;
        }
    }

    private static Header? ReadHeader(Stream stream)
    {
        Span<byte> prefix = stackalloc byte[16];
        if (stream.ReadAtLeast(prefix, prefix.Length, throwOnEndOfStream: false) != prefix.Length || !prefix[..8].SequenceEqual(Magic))
            return null;
        if (BinaryPrimitives.ReadInt32LittleEndian(prefix[8..]) != Version)
            return null;
        var length = BinaryPrimitives.ReadInt32LittleEndian(prefix[12..]);
        if (length <= 0 || length > MaxHeaderBytes)
            return null;
        var json = new byte[length];
        if (stream.ReadAtLeast(json, length, throwOnEndOfStream: false) != length)
            return null;
        var header = JsonSerializer.Deserialize(json, CacheJsonContext.Default.Header);
        return header is { Classes.Length: > 0, TrainCount: >= 0, TestCount: >= 0 } ? header : null;
    }

    /// <summary>The payload as consecutive chunks of at most <see cref="ChunkBytes"/>, each with its offset in the payload.</summary>
    private static List<(Memory<byte> Memory, long Offset)> Chunk(IReadOnlyList<Memory<byte>> segments)
    {
        var chunks = new List<(Memory<byte>, long)>();
        long offset = 0;
        foreach (var segment in segments)
        {
            for (var start = 0; start < segment.Length; start += ChunkBytes)
            {
                var length = Math.Min(ChunkBytes, segment.Length - start);
                chunks.Add((segment.Slice(start, length), offset + start));
            }

            offset += segment.Length;
        }

        return chunks;
    }

    private static string Combine(ulong[] digests)
    {
        var bytes = new byte[digests.Length * sizeof(ulong)];
        for (var i = 0; i < digests.Length; i++)
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), digests[i]);
        return Convert.ToHexStringLower(XxHash3.Hash(bytes));
    }

    private static bool OutOfRange(int[] labels, int classes)
    {
        foreach (var label in labels)
        {
            if ((uint)label >= (uint)classes)
                return true;
        }

        return false;
    }

    private static byte[] LittleEndian(int[] labels)
    {
        var bytes = new byte[labels.Length * 4];
        for (var i = 0; i < labels.Length; i++)
            BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(i * 4), labels[i]);
        return bytes;
    }

    private static int[] FromLittleEndian(byte[] bytes)
    {
        var labels = new int[bytes.Length / sizeof(int)];
        for (var i = 0; i < labels.Length; i++)
            labels[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(i * sizeof(int)));
        return labels;
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Best effort: a stray temp file is hidden and harmless, and the next write uses a new name.
        }
    }
}
