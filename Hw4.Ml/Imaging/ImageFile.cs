using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.PixelFormats;

namespace Hw4.Ml.Imaging;

/// <summary>
/// Reads and writes PNG and JPEG files as <see cref="RgbImage"/>. Size and dimensions are checked (file size, then
/// <c>Image.Identify</c> on the header) before any pixel is decoded; every failure is an <see cref="ImageLoadException"/>
/// whose message names the file.
/// </summary>
public static class ImageFile
{
    private static readonly string[] AcceptedFormats = ["PNG", "JPEG"];

    /// <summary>Loads the image at <paramref name="path"/> within <paramref name="limits"/> (default 4096² and 20 MB).</summary>
    public static RgbImage Load(string path, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= ImageLimits.Default;
        var name = Path.GetFileName(path);
        var info = new FileInfo(path);
        if (!info.Exists)
            throw new ImageLoadException($"Image '{path}' does not exist.");
        if (info.Length > limits.MaxFileBytes)
            throw new ImageLoadException($"Image '{name}' is {info.Length / (1024.0 * 1024):F1} MB; the limit is {limits.MaxFileBytes / (1024.0 * 1024):F0} MB.");

        byte[] data;
        try
        {
            data = File.ReadAllBytes(path);
        }
        catch (IOException e)
        {
            throw new ImageLoadException($"Image '{name}' cannot be read: {e.Message}", e);
        }

        return Decode(data, name, limits);
    }

    /// <summary>Decodes PNG or JPEG bytes (an upload, say) within <paramref name="limits"/>; <paramref name="name"/> is used in messages.</summary>
    public static RgbImage Decode(byte[] data, string name, ImageLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        limits ??= ImageLimits.Default;
        if (data.LongLength > limits.MaxFileBytes)
            throw new ImageLoadException($"Image '{name}' is {data.LongLength / (1024.0 * 1024):F1} MB; the limit is {limits.MaxFileBytes / (1024.0 * 1024):F0} MB.");

        IImageInfo? header;
        IImageFormat? format;
        try
        {
            header = Image.Identify(data, out format);
        }
        catch (Exception e) when (e is ImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            throw new ImageLoadException($"Image '{name}' has a corrupt header: {e.Message}", e);
        }

        if (header is null || format is null)
            throw new ImageLoadException($"'{name}' is not a PNG or JPEG image.");
        if (!AcceptedFormats.Contains(format.Name, StringComparer.OrdinalIgnoreCase))
            throw new ImageLoadException($"'{name}' is a {format.Name} image; only PNG and JPEG are accepted.");
        if (header.Width > limits.MaxWidth || header.Height > limits.MaxHeight)
            throw new ImageLoadException($"Image '{name}' is {header.Width}x{header.Height}; the limit is {limits.MaxWidth}x{limits.MaxHeight}.");
        if (header.Width < 1 || header.Height < 1)
            throw new ImageLoadException($"Image '{name}' has no pixels ({header.Width}x{header.Height}).");

        try
        {
            using var image = Image.Load<Rgb24>(data);
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
        using var output = Image.LoadPixelData<Rgb24>(image.Pixels, image.Width, image.Height);
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
        using var output = Image.LoadPixelData<Rgb24>(image.Pixels, image.Width, image.Height);
        using var stream = new MemoryStream();
        output.Save(stream, new PngEncoder());
        return stream.ToArray();
    }
}
