namespace Hw4.Dashboard.Features.Denoising;

/// <summary>What to do with an image above the page's size threshold.</summary>
public enum ImageFitChoice
{
    /// <summary>Denoise it whole (slow for a large image, but allowed below the pixel cap).</summary>
    AsIs,

    /// <summary>Keep the centre at full resolution.</summary>
    CentreCrop,

    /// <summary>Keep the whole picture with fewer pixels.</summary>
    Downscale,
}
