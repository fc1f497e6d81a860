using System.Buffers.Binary;
using System.Text;
using Hw4.Ml.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Xunit.Abstractions;

namespace Hw4.Ml.Tests.Imaging;

public sealed class ImageFileTests(ITestOutputHelper output)
{
    private static RgbImage Gradient(int width, int height)
    {
        var pixels = new byte[width * height * 3];
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = (byte)(i * 7 % 256);
        return new RgbImage(width, height, pixels);
    }

    [Fact]
    public void SaveThenLoad_Png_RoundTripsExactly()
    {
        using var dir = new TempDir();
        var image = Gradient(5, 3);

        ImageFile.Save(image, dir.File("a.png"));
        var loaded = ImageFile.Load(dir.File("a.png"));

        Assert.Equal((5, 3), (loaded.Width, loaded.Height));
        Assert.Equal(image.Pixels, loaded.Pixels);
    }

    [Fact]
    public void SaveThenLoad_Jpeg_KeepsSizeAndApproximatePixels()
    {
        using var dir = new TempDir();
        var image = new RgbImage(8, 8, Enumerable.Repeat((byte)120, 8 * 8 * 3).ToArray());

        ImageFile.Save(image, dir.File("a.jpg"));
        var loaded = ImageFile.Load(dir.File("a.jpg"));

        Assert.Equal((8, 8), (loaded.Width, loaded.Height));
        Assert.All(loaded.Pixels, p => Assert.InRange(p, 115, 125));
    }

    [Fact]
    public void Load_HeaderClaims5000x5000_RejectedBeforeDecoding()
    {
        using var dir = new TempDir();
        var path = dir.File("huge.png");
        ImageFile.Save(Gradient(4, 4), path);
        File.WriteAllBytes(path, WithPngSize(File.ReadAllBytes(path), 5000, 5000));

        var error = Assert.Throws<ImageLoadException>(() => ImageFile.Load(path));

        Assert.Contains("huge.png", error.Message);
        Assert.Contains("5000x5000", error.Message);
        Assert.Contains("4096x4096", error.Message);
    }

    [Fact]
    public void Load_TextFile_ClearErrorNamingTheFile()
    {
        using var dir = new TempDir();
        var path = dir.File("notes.png");
        File.WriteAllText(path, "this is not an image");

        var error = Assert.Throws<ImageLoadException>(() => ImageFile.Load(path));

        Assert.Equal("'notes.png' is not a PNG or JPEG image.", error.Message);
    }

    [Fact]
    public void Load_FileOverSizeLimit_Rejected()
    {
        using var dir = new TempDir();
        var path = dir.File("big.png");
        ImageFile.Save(Gradient(64, 64), path);

        var error = Assert.Throws<ImageLoadException>(() => ImageFile.Load(path, new ImageLimits(MaxFileBytes: 100)));

        Assert.Contains("big.png", error.Message);
        Assert.Contains("limit", error.Message);
    }

    [Fact]
    public void Load_Gif_RejectedAsUnsupportedFormat()
    {
        using var dir = new TempDir();
        var path = dir.File("a.gif");
        using (var gif = new Image<Rgb24>(4, 4))
            gif.SaveAsGif(path);

        var error = Assert.Throws<ImageLoadException>(() => ImageFile.Load(path));

        Assert.Contains("only PNG and JPEG", error.Message);
    }

    [Fact]
    public void Load_MissingFile_ClearError()
    {
        var error = Assert.Throws<ImageLoadException>(() => ImageFile.Load("/nonexistent/none.png"));

        Assert.Contains("does not exist", error.Message);
    }

    [Fact]
    public void EncodePng_Image_DecodesBack()
    {
        var image = Gradient(3, 2);

        var decoded = ImageFile.Decode(ImageFile.EncodePng(image), "memory");

        Assert.Equal(image.Pixels, decoded.Pixels);
    }

    public static TheoryData<string> MetadataBombs => ["zTXt", "iTXt", "iCCP"];

    [Theory]
    [MemberData(nameof(MetadataBombs))]
    public void Decode_PngWithCompressedChunkInflatingTo256MiB_DecodesPixelsWithoutInflatingIt(string chunk)
    {
        var bomb = chunk switch
        {
            "zTXt" => PngBombs.CompressedText(),
            "iTXt" => PngBombs.InternationalText(),
            _ => PngBombs.IccProfile(),
        };
        Assert.InRange(bomb.Length, 1, 1 << 20);
        var before = GC.GetAllocatedBytesForCurrentThread();

        var image = ImageFile.Decode(bomb, "bomb.png");

        // Without IgnoreMetadata ImageSharp 2.1.13 allocated about 13.7x the inflated text (2.7 GB for 200 MB).
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{chunk}: {bomb.Length:N0}-byte PNG, decode allocated {allocated:N0} bytes on this thread");
        Assert.True(allocated < 16L << 20, $"{chunk}: decoding allocated {allocated:N0} bytes");
        Assert.Equal((4, 4), (image.Width, image.Height));
        Assert.Equal(new byte[] { 10, 20, 30 }, image.Pixels[..3]);
    }

    [Fact]
    public void Load_Fifo_RefusedWithinOneSecondNamingTheFile()
    {
        using var dir = new TempDir();
        var fifo = Hw4.Ml.Tests.IO.Fifo.Create(dir.File("noisy.png"));

        var error = Hw4.Ml.Tests.IO.Fifo.WithinSeconds(1, () => Assert.Throws<ImageLoadException>(() => ImageFile.Load(fifo)));

        Assert.Contains("noisy.png", error.Message);
        Assert.Contains("named pipe", error.Message);
    }

    [Fact]
    public void Load_DevZero_RefusedAsDeviceWithoutReading()
    {
        var error = Hw4.Ml.Tests.IO.Fifo.WithinSeconds(1, () => Assert.Throws<ImageLoadException>(() => ImageFile.Load("/dev/zero")));

        Assert.Equal("Image '/dev/zero' is a character device, not a regular file.", error.Message);
    }

    [Fact]
    public void Decode_MorePixelsThanPixelCap_RejectedBeforeDecoding()
    {
        var png = ImageFile.EncodePng(Gradient(40, 30));

        var error = Assert.Throws<ImageLoadException>(() => ImageFile.Decode(png, "wide.png", new ImageLimits(MaxPixels: 1000)));

        Assert.Equal("Image 'wide.png' is 40x30 = 1200 pixels; the limit is 1000.", error.Message);
    }

    [Fact]
    public void Load_FileOfExactlyTheLimit_Accepted()
    {
        using var dir = new TempDir();
        var path = dir.File("edge.png");
        ImageFile.Save(Gradient(8, 8), path);
        var length = new FileInfo(path).Length;

        var loaded = ImageFile.Load(path, new ImageLimits(MaxFileBytes: length));

        Assert.Equal((8, 8), (loaded.Width, loaded.Height));
        Assert.Throws<ImageLoadException>(() => ImageFile.Load(path, new ImageLimits(MaxFileBytes: length - 1)));
    }

    /// <summary>Rewrites the IHDR width and height of a real PNG and fixes the chunk CRC, so only the size is wrong.</summary>
    private static byte[] WithPngSize(byte[] png, int width, int height)
    {
        var bytes = (byte[])png.Clone();
        // Signature (8) + length (4), then "IHDR" at 12 and its data at 16: width, height, …; 13 data bytes, then CRC.
        Assert.Equal("IHDR", Encoding.ASCII.GetString(bytes, 12, 4));
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(29), Crc32(bytes.AsSpan(12, 17)));
        return bytes;
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
        }

        return ~crc;
    }
}
