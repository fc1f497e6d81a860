namespace Hw4.Ml.Imaging;

/// <summary>An image file that cannot be used: missing, not an image, too large, or corrupt. The message names the file.</summary>
public sealed class ImageLoadException(string message, Exception? inner = null) : Exception(message, inner);
