using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>The <c>Hw4:Denoise</c> section: how large an image the Denoise page takes as it is, and the hard cap.</summary>
public sealed class DenoiseUploadOptions
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Hw4:Denoise";

    /// <summary>Above this many pixels the page offers a centre crop or a downscale to this many (default 1024²).</summary>
    public long LargeImagePixels { get; set; } = 1024L * 1024;

    /// <summary>Images with more pixels are refused before decoding (default: <see cref="ImageLimits.Default"/>'s cap).</summary>
    public long MaxPixels { get; set; } = ImageLimits.Default.MaxPixels;

    /// <summary>The decoder limits with <see cref="MaxPixels"/> as the pixel cap.</summary>
    public ImageLimits Limits => ImageLimits.Default with { MaxPixels = MaxPixels };
}
