namespace Hw4.Ml.Imaging;

/// <summary>Bounds checked before an image is decoded, because crafted files are the usual attack on decoders.</summary>
/// <param name="MaxWidth">Largest accepted width in pixels.</param>
/// <param name="MaxHeight">Largest accepted height in pixels.</param>
/// <param name="MaxFileBytes">Largest accepted file size in bytes.</param>
public sealed record ImageLimits(int MaxWidth = 4096, int MaxHeight = 4096, long MaxFileBytes = 20L * 1024 * 1024)
{
    /// <summary>4096 × 4096 pixels and 20 MB.</summary>
    public static ImageLimits Default { get; } = new();
}
