namespace Hw4.Ml.Imaging;

/// <summary>An 8-bit RGB image as plain data: rows top to bottom, pixels interleaved R, G, B. Safe to pass to UI and events.</summary>
public sealed class RgbImage
{
    /// <summary>Wraps <paramref name="pixels"/> (length must be width × height × 3); the array is not copied.</summary>
    public RgbImage(int width, int height, byte[] pixels)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.Length != checked(width * height * 3))
            throw new ArgumentException($"Expected {width * height * 3} bytes for {width}x{height} RGB, got {pixels.Length}.", nameof(pixels));
        Width = width;
        Height = height;
        Pixels = pixels;
    }

    /// <summary>Width in pixels.</summary>
    public int Width { get; }

    /// <summary>Height in pixels.</summary>
    public int Height { get; }

    /// <summary>Interleaved RGB bytes, row-major (H × W × 3).</summary>
    public byte[] Pixels { get; }

    /// <summary>A copy of the rectangle at (<paramref name="x"/>, <paramref name="y"/>) of the given size.</summary>
    public RgbImage Crop(int x, int y, int width, int height)
    {
        if (x < 0 || y < 0 || width < 1 || height < 1 || x + width > Width || y + height > Height)
            throw new ArgumentOutOfRangeException(nameof(width), $"Crop {width}x{height} at ({x},{y}) is outside the {Width}x{Height} image.");
        var pixels = new byte[width * height * 3];
        for (var row = 0; row < height; row++)
            Array.Copy(Pixels, ((y + row) * Width + x) * 3, pixels, row * width * 3, width * 3);
        return new RgbImage(width, height, pixels);
    }
}
