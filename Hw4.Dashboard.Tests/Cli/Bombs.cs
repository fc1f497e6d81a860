using System.Buffers.Binary;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;
using System.IO.Hashing;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Hw4.Dashboard.Tests.Cli;

/// <summary>Hostile inputs written at run time: decompression bombs in each container the CLI reads, and FIFOs.</summary>
internal static class Bombs
{
    /// <summary>A valid 4×4 PNG with a zTXt chunk inflating to <paramref name="inflated"/> zero bytes.</summary>
    public static string PngText(string path, long inflated)
    {
        using var image = new Image<Rgb24>(4, 4, new Rgb24(10, 20, 30));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        var png = stream.ToArray();
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
            Zeros(inflated).CopyTo(zlib, 1 << 20);
        byte[] data = [.. "Comment"u8, 0, 0, .. compressed.ToArray()];
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        "zTXt"u8.CopyTo(chunk.AsSpan(4));
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length)));
        File.WriteAllBytes(path, [.. png[..33], .. chunk, .. png[33..]]);
        return path;
    }

    /// <summary>An .npz whose X.npy is a real (70000, 32, 32, 3) uint8 array of zeros: 215 MB inflated.</summary>
    public static string Npz(string path)
    {
        const long images = 70_000;
        var header = $"{{'descr': '|u1', 'fortran_order': False, 'shape': ({images}, 32, 32, 3), }}";
        header = header.PadRight(118) + "\n";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var entry = zip.CreateEntry("X.npy", CompressionLevel.Fastest).Open();
        entry.Write([0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, 0]);
        entry.Write(System.Text.Encoding.Latin1.GetBytes(header));
        Zeros(images * 3072).CopyTo(entry, 1 << 20);
        return path;
    }

    /// <summary>An .npz whose X.npy header claims 3 GB, more than any .NET array, with no data behind it.</summary>
    public static string NpzBeyondArrayMaxLength(string path)
    {
        var header = "{'descr': '|u1', 'fortran_order': False, 'shape': (1000000, 32, 32, 3), }".PadRight(118) + "\n";
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using var entry = zip.CreateEntry("X.npy").Open();
        entry.Write([0x93, .. "NUMPY"u8, 1, 0, (byte)header.Length, 0]);
        entry.Write(System.Text.Encoding.Latin1.GetBytes(header));
        return path;
    }

    /// <summary>
    /// cifar-10-binary.tar.gz whose first batch is 1 GiB of zeros (a few MB on disk: the fastest compression level, as
    /// the zips below; it writes the GiB in a third of the time of the smallest).
    /// </summary>
    public static string TarGz(string path)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Fastest);
        using var tar = new TarWriter(gzip, TarEntryFormat.Pax);
        tar.WriteEntry(new PaxTarEntry(TarEntryType.RegularFile, "cifar-10-batches-bin/data_batch_1.bin") { DataStream = Zeros(1L << 30) });
        return path;
    }

    /// <summary>An image-folder zip whose one training "image" is 1 GiB of zeros.</summary>
    public static string Zip(string path)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var entry = zip.CreateEntry("train/cat/0.png", CompressionLevel.Fastest).Open())
            Zeros(1L << 30).CopyTo(entry, 1 << 20);
        using (var entry = zip.CreateEntry("test/cat/0.png").Open())
            entry.Write([1, 2, 3]);
        return path;
    }

    public static string Fifo(string path)
    {
        using var process = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        process.WaitForExit();
        Assert.Equal(0, process.ExitCode);
        return path;
    }

    /// <summary><paramref name="length"/> zero bytes without holding them.</summary>
    private static Stream Zeros(long length) => new ZeroStream(length);

    private sealed class ZeroStream(long length) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get; set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - Position);
            if (n <= 0)
                return 0;
            Array.Clear(buffer, offset, n);
            Position += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => Position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
