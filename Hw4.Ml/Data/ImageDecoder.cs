using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Tiff;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.PixelFormats;

namespace Hw4.Ml.Data;

/// <summary>Decodes one encoded image (JPEG, PNG, BMP, ...) into a 3×32×32 CHW byte slot.</summary>
internal static class ImageDecoder
{
    // Each image is tiny, so parallelism pays across images, not inside one; a single-threaded configuration avoids
    // ImageSharp fanning out work items per image on top of our Parallel.For.
    private static readonly Configuration SingleThreaded = CreateConfiguration();

    public static void DecodeInto(byte[] encoded, Span<byte> chw, string entryName)
    {
        IImageInfo? info;
        try
        {
            // Identify reads only the header, so a crafted huge image is rejected before any pixel buffer exists.
            info = Image.Identify(SingleThreaded, encoded, out _);
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidDataException or NotSupportedException)
        {
            throw new DatasetException($"{entryName}: not a readable image ({ex.Message}).", ex);
        }

        if (info is null)
            throw new DatasetException($"{entryName}: not a recognised image format.");
        if (info.Width != ImageSet.Width || info.Height != ImageSet.Height)
            throw new DatasetException($"{entryName}: image is {info.Width}×{info.Height}; every image must be 32×32 RGB.");

        Rgb24[] rgb = new Rgb24[ImageSet.Width * ImageSet.Height];
        try
        {
            // Grayscale, palette or alpha images are converted to RGB, as the reference's PIL .convert("RGB") does.
            using var image = Image.Load<Rgb24>(SingleThreaded, encoded);
            image.CopyPixelDataTo(rgb);
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidDataException or NotSupportedException)
        {
            throw new DatasetException($"{entryName}: corrupt image ({ex.Message}).", ex);
        }

        const int plane = ImageSet.Width * ImageSet.Height;
        for (var p = 0; p < plane; p++)
        {
            chw[p] = rgb[p].R;
            chw[plane + p] = rgb[p].G;
            chw[2 * plane + p] = rgb[p].B;
        }
    }

    private static Configuration CreateConfiguration()
    {
        var configuration = Configuration.Default.Clone();
        configuration.MaxDegreeOfParallelism = 1;
        // Metadata is never needed and ImageSharp 2.1 inflates PNG text chunks without a cap (see ImageFile), so
        // every decoder that can skip it does.
        configuration.ImageFormatsManager.SetDecoder(PngFormat.Instance, new PngDecoder { IgnoreMetadata = true });
        configuration.ImageFormatsManager.SetDecoder(JpegFormat.Instance, new JpegDecoder { IgnoreMetadata = true });
        configuration.ImageFormatsManager.SetDecoder(GifFormat.Instance, new GifDecoder { IgnoreMetadata = true });
        configuration.ImageFormatsManager.SetDecoder(TiffFormat.Instance, new TiffDecoder { IgnoreMetadata = true });
        configuration.ImageFormatsManager.SetDecoder(WebpFormat.Instance, new WebpDecoder { IgnoreMetadata = true });
        return configuration;
    }
}
