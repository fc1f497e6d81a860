namespace Hw4.Ml.Imaging;

/// <summary>What an image file's header says, read by <see cref="ImageFile.Identify"/> before any pixel is decoded.</summary>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="Format"><c>png</c> or <c>jpeg</c>.</param>
public sealed record ImageHeader(int Width, int Height, string Format)
{
    /// <summary>Width × height.</summary>
    public long Pixels => (long)Width * Height;
}
