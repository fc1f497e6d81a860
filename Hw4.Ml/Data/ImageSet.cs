namespace Hw4.Ml.Data;

/// <summary>
/// A labelled set of 32×32 RGB images held as one compact uint8 buffer, laid out N×3×32×32 (CHW per image, like the
/// official CIFAR-10 binaries and like a torch tensor). Loaders produce it; batch loaders turn slices into tensors.
/// </summary>
public sealed class ImageSet
{
    /// <summary>Channels per image.</summary>
    public const int Channels = 3;

    /// <summary>Image height in pixels.</summary>
    public const int Height = 32;

    /// <summary>Image width in pixels.</summary>
    public const int Width = 32;

    /// <summary>Bytes per image (3×32×32).</summary>
    public const int ImageBytes = Channels * Height * Width;

    /// <summary>Creates a set; <paramref name="pixels"/> must hold exactly labels.Length images.</summary>
    public ImageSet(byte[] pixels, int[] labels, IReadOnlyList<string> classes)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(classes);
        if (pixels.LongLength != (long)labels.Length * ImageBytes)
            throw new ArgumentException($"Pixel buffer holds {pixels.LongLength} bytes; {labels.Length} images need {(long)labels.Length * ImageBytes}.", nameof(pixels));
        for (var i = 0; i < labels.Length; i++)
        {
            if ((uint)labels[i] >= (uint)classes.Count)
                throw new ArgumentException($"Label {labels[i]} of image {i} is outside 0..{classes.Count - 1}.", nameof(labels));
        }

        Pixels = pixels;
        Labels = labels;
        Classes = classes;
    }

    /// <summary>N×3×32×32 uint8 pixels, CHW per image.</summary>
    public byte[] Pixels { get; }

    /// <summary>Class index per image.</summary>
    public int[] Labels { get; }

    /// <summary>Class names, indexed by label.</summary>
    public IReadOnlyList<string> Classes { get; }

    /// <summary>Number of images.</summary>
    public int Count => Labels.Length;

    /// <summary>The bytes of image <paramref name="index"/> (3×32×32, CHW).</summary>
    public ReadOnlySpan<byte> Image(int index) => Pixels.AsSpan(index * ImageBytes, ImageBytes);

    /// <summary>A new set holding the given images, in the given order.</summary>
    public ImageSet Subset(IReadOnlyList<int> indices)
    {
        var pixels = new byte[(long)indices.Count * ImageBytes];
        var labels = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            Image(indices[i]).CopyTo(pixels.AsSpan(i * ImageBytes, ImageBytes));
            labels[i] = Labels[indices[i]];
        }

        return new ImageSet(pixels, labels, Classes);
    }
}
