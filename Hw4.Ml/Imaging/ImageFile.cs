using Hw4.Ml.IO;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;

namespace Hw4.Ml.Imaging;

/// <summary>
/// Reads and writes PNG and JPEG files as <see cref="RgbImage"/>. Only regular files are read, their size is counted
/// while reading, and the format (magic bytes) and dimensions (<c>Image.Identify</c> on the header) are checked before
/// any pixel is decoded. Metadata is never decoded: ImageSharp 2.1 inflates PNG zTXt/iTXt text without a cap, so a
/// 200 KB PNG carrying a compressed text chunk cost 2.7 GB of allocation (measured) until the decoders were told to
/// skip it. Every failure is an <see cref="ImageLoadException"/> whose message names the file.
/// </summary>
public static class ImageFile
{
    /// <summary>
    /// PNG and JPEG only, metadata skipped, and buffers from the GC rather than ImageSharp's unmanaged pool, so that
    /// what one decode took is returned (and counted by the runtime) instead of being held by the pool afterwards.
    /// </summary>
    internal static Configuration Configuration { get; } = CreateConfiguration();

    /// <summary>Loads the image at <paramref name="path"/> within <paramref name="limits"/> (default 4096² and 20 MB).</summary>
    public static RgbImage Load(string path, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= ImageLimits.Default;
        var name = Path.GetFileName(path);
        var kind = InputFile.KindOf(path);
        if (kind == FileKind.Missing)
            throw new ImageLoadException($"Image '{path}' does not exist.");
        if (InputFile.RefusalReason(path) is { } reason)
            throw new ImageLoadException($"Image '{path}' {reason}.");

        byte[] data;
        try
        {
            data = ReadBounded(path, name, limits.MaxFileBytes);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ImageLoadException($"Image '{name}' cannot be read: {e.Message}", e);
        }

        return Decode(data, name, limits);
    }

    /// <summary>
    /// Reads the format and size of PNG or JPEG bytes from the header alone, without decoding a pixel, and refuses them
    /// (an <see cref="ImageLoadException"/> naming <paramref name="name"/> and the limit) when they exceed
    /// <paramref name="limits"/>: what a page shows before it decodes an upload, and what <see cref="Decode"/> checks first.
    /// </summary>
    public static ImageHeader Identify(byte[] data, string name, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        limits ??= ImageLimits.Default;
        if (data.LongLength > limits.MaxFileBytes)
            throw new ImageLoadException($"Image '{name}' is {data.LongLength / (1024.0 * 1024):F1} MB; the limit is {limits.MaxFileBytes / (1024.0 * 1024):F0} MB.");

        // The magic bytes alone pick the decoder, so no other format's header parser ever sees the data.
        var detected = Image.DetectFormat(Configuration.Default, data);
        if (detected is null)
            throw new ImageLoadException($"'{name}' is not a PNG or JPEG image.");
        if (detected is not (PngFormat or JpegFormat))
            throw new ImageLoadException($"'{name}' is a {detected.Name} image; only PNG and JPEG are accepted.");

        IImageInfo? header;
        try
        {
            header = Image.Identify(Configuration, data, out _);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw new ImageLoadException($"Image '{name}' has a corrupt header: {e.Message}", e);
        }

        if (header is null)
            throw new ImageLoadException($"'{name}' is not a PNG or JPEG image.");
        if (header.Width > limits.MaxWidth || header.Height > limits.MaxHeight)
            throw new ImageLoadException($"Image '{name}' is {header.Width}x{header.Height}; the limit is {limits.MaxWidth}x{limits.MaxHeight}.");
        if (header.Width < 1 || header.Height < 1)
            throw new ImageLoadException($"Image '{name}' has no pixels ({header.Width}x{header.Height}).");
        if ((long)header.Width * header.Height > limits.MaxPixels)
            throw new ImageLoadException($"Image '{name}' is {header.Width}x{header.Height} = {(long)header.Width * header.Height} pixels; the limit is {limits.MaxPixels}.");
        return new ImageHeader(header.Width, header.Height, detected is PngFormat ? "png" : "jpeg");
    }

    /// <summary>Decodes PNG or JPEG bytes (an upload, say) within <paramref name="limits"/>; <paramref name="name"/> is used in messages.</summary>
    public static RgbImage Decode(byte[] data, string name, ImageLimits? limits = null)
    {
        Identify(data, name, limits);
        try
        {
            using var image = Image.Load<Rgb24>(Configuration, data);
            var pixels = new byte[image.Width * image.Height * 3];
            image.Frames.RootFrame.CopyPixelDataTo(pixels);
            return new RgbImage(image.Width, image.Height, pixels);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw new ImageLoadException($"Image '{name}' cannot be decoded: {e.Message}", e);
        }
    }

    /// <summary>Writes <paramref name="image"/> as JPEG when the path ends in .jpg/.jpeg, else PNG; creates the folder.</summary>
    public static void Save(RgbImage image, string path)
    {
        ArgumentNullException.ThrowIfNull(image);
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
            Directory.CreateDirectory(folder);
        using var output = Image.LoadPixelData<Rgb24>(Configuration, image.Pixels, image.Width, image.Height);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is ".jpg" or ".jpeg")
            output.SaveAsJpeg(path, new JpegEncoder { Quality = 95 });
        else
            output.SaveAsPng(path);
    }

    /// <summary>Encodes <paramref name="image"/> as PNG bytes (for a data URL or a download).</summary>
    public static byte[] EncodePng(RgbImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var output = Image.LoadPixelData<Rgb24>(Configuration, image.Pixels, image.Width, image.Height);
        using var stream = new MemoryStream();
        output.Save(stream, new PngEncoder());
        return stream.ToArray();
    }

    /// <summary>
    /// Reads the whole file, refusing it once more than <paramref name="maxBytes"/> have arrived: the size the file
    /// system reports is only a first guess (a device reports 0, a growing file more later).
    /// </summary>
    private static byte[] ReadBounded(string path, string name, long maxBytes)
    {
        // Checked again on the opened descriptor: the file may have been swapped since the check in Load.
        using var stream = InputFile.OpenRead(path);
        var declared = stream.Length;
        if (declared > maxBytes)
            throw new ImageLoadException($"Image '{name}' is {declared / (1024.0 * 1024):F1} MB; the limit is {maxBytes / (1024.0 * 1024):F0} MB.");
        var buffer = new byte[declared];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                // Full at the reported size: one more byte tells whether the file really ends here.
                var next = stream.ReadByte();
                if (next < 0)
                    return buffer;
                if (total + 1L > maxBytes)
                    throw new ImageLoadException($"Image '{name}' is over the {maxBytes / (1024.0 * 1024):F0} MB limit.");
                Array.Resize(ref buffer, (int)Math.Min(Math.Min(Math.Max(buffer.Length * 2L, 64 * 1024), maxBytes + 1), Array.MaxLength));
                buffer[total++] = (byte)next;
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
                return buffer[..total];
            total += read;
            if (total > maxBytes)
                throw new ImageLoadException($"Image '{name}' is over the {maxBytes / (1024.0 * 1024):F0} MB limit.");
        }
    }

    private static Configuration CreateConfiguration()
    {
        var configuration = new Configuration(new PngConfigurationModule(), new JpegConfigurationModule())
        {
            MemoryAllocator = new SimpleGcMemoryAllocator(),
        };
        configuration.ImageFormatsManager.SetDecoder(PngFormat.Instance, new PngDecoder { IgnoreMetadata = true });
        configuration.ImageFormatsManager.SetDecoder(JpegFormat.Instance, new JpegDecoder { IgnoreMetadata = true });
        return configuration;
    }
}
