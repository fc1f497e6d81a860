using Hw4.Ml.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Imaging;

/// <summary>Converts between <see cref="RgbImage"/> and float C×H×W tensors on the 0–255 scale.</summary>
public static class ImageTensors
{
    /// <summary>A float32 3×H×W tensor with values 0–255 (not divided by 255) on <paramref name="device"/>.</summary>
    public static Tensor ToTensor(RgbImage image, Device device)
    {
        ArgumentNullException.ThrowIfNull(image);
        using var scope = NewDisposeScope();
        // Built on the CPU (I/O), then moved: the only host-to-device copy.
        var hwc = tensor(image.Pixels, new long[] { image.Height, image.Width, 3 }, dtype: ScalarType.Byte);
        return hwc.permute(2, 0, 1).to(ScalarType.Float32).contiguous().to(device).MoveToOuterDisposeScope();
    }

    /// <summary>Clamps to [0, 255], rounds and copies a 3×H×W tensor to the host as an image.</summary>
    public static RgbImage ToImage(Tensor chw)
    {
        ArgumentNullException.ThrowIfNull(chw);
        if (chw.dim() != 3 || chw.shape[0] != 3)
            throw new ArgumentException($"Expected a 3xHxW tensor, got [{string.Join(", ", chw.shape)}].", nameof(chw));
        using var scope = NewDisposeScope();
        var bytes = ToBytes(chw).permute(1, 2, 0).contiguous().cpu();
        return new RgbImage((int)chw.shape[2], (int)chw.shape[1], bytes.data<byte>().ToArray());
    }

    /// <summary>
    /// A copy no larger than <paramref name="maxSide"/> on either side (area-averaged on the device, so only the small
    /// image crosses to the host), for progress previews.
    /// </summary>
    public static RgbImage ToPreview(Tensor chw, int maxSide)
    {
        ArgumentNullException.ThrowIfNull(chw);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxSide, 1);
        var height = chw.shape[1];
        var width = chw.shape[2];
        var scale = Math.Min(1.0, (double)maxSide / Math.Max(height, width));
        if (scale >= 1.0)
            return ToImage(chw);

        using var scope = NewDisposeScope();
        var size = new[] { Math.Max(1L, (long)Math.Round(height * scale)), Math.Max(1L, (long)Math.Round(width * scale)) };
        var small = nn.functional.adaptive_avg_pool2d(chw.detach().unsqueeze(0), size).squeeze(0);
        return ToImage(small);
    }

    /// <summary>PSNR in dB on the 0–255 scale (peak 255) between two same-shaped tensors; +∞ when identical.</summary>
    public static double Psnr(Tensor estimate, Tensor reference)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        ArgumentNullException.ThrowIfNull(reference);
        using var scope = NewDisposeScope();
        var mse = (estimate.detach().to(ScalarType.Float64) - reference.detach().to(ScalarType.Float64)).Squared().mean().cpu().item<double>();
        return mse == 0 ? double.PositiveInfinity : 10 * Math.Log10(255.0 * 255.0 / mse);
    }

    /// <summary>What is written to disk: clamped to [0, 255] and rounded, as bytes.</summary>
    private static Tensor ToBytes(Tensor chw) => chw.detach().Clamped(0, 255).round().to(ScalarType.Byte);

    /// <summary>The tensor as it will be written (clamped, rounded), kept in float for metrics.</summary>
    public static Tensor Quantize(Tensor chw)
    {
        ArgumentNullException.ThrowIfNull(chw);
        return chw.detach().Clamped(0, 255).round();
    }
}
