namespace Hw4.Ml.Imaging;

/// <summary>Bounds checked before an image is decoded, because crafted files are the usual attack on decoders.</summary>
/// <param name="MaxWidth">Largest accepted width in pixels.</param>
/// <param name="MaxHeight">Largest accepted height in pixels.</param>
/// <param name="MaxFileBytes">Largest accepted file size in bytes, counted while reading (a device or a lying size cannot pass it).</param>
/// <param name="MaxPixels">Largest accepted width × height, checked on the header before any pixel buffer exists.</param>
public sealed record ImageLimits(int MaxWidth = 4096, int MaxHeight = 4096, long MaxFileBytes = 20L * 1024 * 1024, long MaxPixels = 4096L * 4096)
{
    /// <summary>4096 × 4096 pixels and 20 MB.</summary>
    public static ImageLimits Default { get; } = new();
}
