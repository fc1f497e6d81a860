using Hw4.Ml.Runtime;
using static TorchSharp.torch;

namespace Hw4.Ml.Transforms;

/// <summary>torchvision <c>ToTensor</c> semantics for batches: uint8 B×3×H×W pixels become float32 values /255 in [0, 1].</summary>
public static class ToTensor
{
    /// <summary>Converts a uint8 B×3×H×W tensor to float32 in [0, 1] on the same device.</summary>
    /// <exception cref="ArgumentException">The tensor is not uint8 or not B×3×H×W.</exception>
    public static Tensor FromBytes(Tensor pixels)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        if (pixels.dtype != ScalarType.Byte)
        {
            throw new ArgumentException($"Expected uint8 pixels, got {pixels.dtype}.", nameof(pixels));
        }

        if (pixels.dim() != 4 || pixels.shape[1] != 3)
        {
            throw new ArgumentException($"Expected pixels B×3×H×W, got shape [{string.Join(", ", pixels.shape)}].", nameof(pixels));
        }

        // to(Float32) always copies a uint8 tensor, so dividing in place never touches the caller's pixels.
        return pixels.to(ScalarType.Float32).DivideInPlace(255);
    }

    /// <summary>
    /// Converts <paramref name="count"/> CHW images of 3×<paramref name="height"/>×<paramref name="width"/> bytes
    /// (the layout of <c>ImageSet</c>) to a float32 batch in [0, 1] on <paramref name="device"/>. The bytes
    /// are copied once to the device as uint8 and converted there, which moves 4× less data than converting on the CPU.
    /// </summary>
    /// <exception cref="ArgumentException">The span length is not count × 3 × height × width.</exception>
    public static Tensor FromBytes(ReadOnlySpan<byte> pixels, long count, long height, long width, Device? device = null)
    {
        var expected = count * 3 * height * width;
        if (count < 0 || height <= 0 || width <= 0 || pixels.Length != expected)
        {
            throw new ArgumentException($"Pixel span holds {pixels.Length} bytes; {count} images of 3×{height}×{width} need {expected}.", nameof(pixels));
        }

        using var scope = NewDisposeScope();
        var bytes = tensor(pixels.ToArray(), [count, 3, height, width]).to(device ?? CPU);
        return FromBytes(bytes).MoveToOuterDisposeScope();
    }
}
