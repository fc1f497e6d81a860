using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Text;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Hw4.Ml.Tests.Imaging;

/// <summary>
/// Valid PNGs (4×4 unless asked) carrying one compressed ancillary chunk (zTXt, iTXt or iCCP) whose zlib stream inflates to
/// <see cref="InflatedBytes"/> of zeros, written at run time (about 250 KB each).
/// </summary>
internal static class PngBombs
{
    public const long InflatedBytes = 256L << 20;

    private static readonly Lazy<byte[]> Payload = new(() =>
    {
        using var compressed = new MemoryStream();
        using (var zlib = new ZLibStream(compressed, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            var zeros = new byte[1 << 20];
            for (long done = 0; done < InflatedBytes; done += zeros.Length)
                zlib.Write(zeros);
        }

        return compressed.ToArray();
    });

    /// <summary>zTXt: keyword, NUL, compression method 0, zlib text; a <paramref name="size"/>² image of (10, 20, 30).</summary>
    public static byte[] CompressedText(int size = 4) => With("zTXt", [.. "Comment"u8, 0, 0, .. Payload.Value], size);

    /// <summary>iTXt: keyword, NUL, compressed flag 1, method 0, empty language and translated keyword, zlib text.</summary>
    public static byte[] InternationalText() => With("iTXt", [.. "Comment"u8, 0, 1, 0, 0, 0, .. Payload.Value]);

    /// <summary>iCCP: profile name, NUL, method 0, zlib profile.</summary>
    public static byte[] IccProfile() => With("iCCP", [.. "icc"u8, 0, 0, .. Payload.Value]);

    private static byte[] With(string type, byte[] data, int size = 4)
    {
        using var image = new Image<Rgb24>(size, size, new Rgb24(10, 20, 30));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        var png = stream.ToArray();
        var chunk = new byte[12 + data.Length];
        BinaryPrimitives.WriteInt32BigEndian(chunk, data.Length);
        Encoding.ASCII.GetBytes(type).CopyTo(chunk, 4);
        data.CopyTo(chunk, 8);
        BinaryPrimitives.WriteUInt32BigEndian(chunk.AsSpan(8 + data.Length), Crc32.HashToUInt32(chunk.AsSpan(4, 4 + data.Length)));
        // Signature (8) + IHDR (25) come first; the bomb goes right after them, before IDAT.
        return [.. png[..33], .. chunk, .. png[33..]];
    }
}
