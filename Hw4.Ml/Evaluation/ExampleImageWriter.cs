using Hw4.Ml.Data;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;

namespace Hw4.Ml.Evaluation;

/// <summary>Writes one CIFAR image as a PNG, upscaled by whole-pixel (nearest) repetition so it is visible on a page.</summary>
public static class ExampleImageWriter
{
    /// <summary>Writes image <paramref name="index"/> of <paramref name="set"/> to <paramref name="path"/>, <paramref name="scale"/>× larger.</summary>
    public static void Write(ImageSet set, int index, string path, int scale = 4)
    {
        ArgumentNullException.ThrowIfNull(set);
        if (scale < 1) throw new ArgumentOutOfRangeException(nameof(scale), "Scale must be at least 1.");
        var chw = set.Image(index);
        const int plane = ImageSet.Height * ImageSet.Width;
        using var image = new Image<Rgb24>(ImageSet.Width * scale, ImageSet.Height * scale);
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var source = (y / scale) * ImageSet.Width + (x / scale);
                image[x, y] = new Rgb24(chw[source], chw[plane + source], chw[2 * plane + source]);
            }
        }

        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        image.SaveAsPng(path);
    }
}
