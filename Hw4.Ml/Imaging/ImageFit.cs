using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace Hw4.Ml.Imaging;

/// <summary>
/// Makes a large image small enough to denoise quickly: a centre crop or a downscale to at most a number of pixels,
/// keeping the aspect ratio. An image already small enough comes back as it is.
/// </summary>
public static class ImageFit
{
    /// <summary>The size (same aspect ratio, at least 2×2) of an image of <paramref name="width"/>×<paramref name="height"/> brought to at most <paramref name="maxPixels"/>.</summary>
    public static (int Width, int Height) FittedSize(int width, int height, long maxPixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPixels, 4L);
        if ((long)width * height <= maxPixels)
            return (width, height);
        var scale = Math.Sqrt((double)maxPixels / ((long)width * height));
        return (Math.Max(2, (int)Math.Floor(width * scale)), Math.Max(2, (int)Math.Floor(height * scale)));
    }

    /// <summary>The centre of <paramref name="image"/> at <see cref="FittedSize"/> (full resolution, less of the picture).</summary>
    public static RgbImage CentreCrop(RgbImage image, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (w, h) = FittedSize(image.Width, image.Height, maxPixels);
        return w == image.Width && h == image.Height ? image : image.Crop((image.Width - w) / 2, (image.Height - h) / 2, w, h);
    }

    /// <summary><paramref name="image"/> resized to <see cref="FittedSize"/> (all of the picture, fewer pixels; bicubic).</summary>
    public static RgbImage Downscale(RgbImage image, long maxPixels)
    {
        ArgumentNullException.ThrowIfNull(image);
        var (w, h) = FittedSize(image.Width, image.Height, maxPixels);
        if (w == image.Width && h == image.Height)
            return image;
        using var img = Image.LoadPixelData<Rgb24>(ImageFile.Configuration, image.Pixels, image.Width, image.Height);
        img.Mutate(x => x.Resize(w, h, KnownResamplers.Bicubic));
        var pixels = new byte[w * h * 3];
        img.Frames.RootFrame.CopyPixelDataTo(pixels);
        return new RgbImage(w, h, pixels);
    }
}
