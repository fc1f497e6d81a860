using Hw4.Ml.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Hw4.Ml.Transforms;

/// <summary>
/// Pure batched image functions shared by the transform classes (the analogue of torchvision's
/// <c>transforms.functional</c>). Every function takes float B×3×H×W batches in [0, 1] on any device plus per-sample
/// parameters as 1-D tensors of length B, returns a new tensor, and never loops over pixels in C#.
/// </summary>
public static class BatchFunctional
{
    /// <summary>
    /// Grayscale weights of torchvision's tensor <c>rgb_to_grayscale</c> (0.2989, 0.587, 0.114). PIL and ITU-R 601-2
    /// use 0.299 for red; the reference applies <c>ToTensor</c> first, so the tensor path (0.2989) is what it ran.
    /// </summary>
    public static readonly IReadOnlyList<float> GrayscaleWeights = [0.2989f, 0.587f, 0.114f];

    /// <summary>Throws a one-line <see cref="ArgumentException"/> unless <paramref name="batch"/> is a floating B×3×H×W tensor.</summary>
    public static void EnsureImageBatch(Tensor batch, string paramName)
    {
        ArgumentNullException.ThrowIfNull(batch, paramName);
        if (batch.dim() != 4 || batch.shape[1] != 3)
        {
            throw new ArgumentException($"Expected an image batch B×3×H×W, got shape [{string.Join(", ", batch.shape)}].", paramName);
        }

        if (!batch.is_floating_point())
        {
            throw new ArgumentException($"Expected a floating-point image batch in [0, 1], got {batch.dtype}; convert bytes with ToTensor.FromBytes first.", paramName);
        }
    }

    /// <summary>
    /// Draws <paramref name="count"/> values uniformly from [<paramref name="low"/>, <paramref name="high"/>) on the
    /// generator's CPU stream and returns them (float32) on <paramref name="device"/>. Parameters are always drawn on the
    /// CPU so a seed gives the same augmentation whichever device the batch lives on.
    /// </summary>
    public static Tensor Uniform(long count, double low, double high, Generator generator, Device device)
    {
        using var u = rand(count, dtype: ScalarType.Float32, generator: generator);
        using var scaled = u.Times(high - low).PlusValue(low);
        return scaled.to(device);
    }

    /// <summary>Mirrors (left-right) the samples whose entry in the boolean <paramref name="flip"/> mask is true.</summary>
    public static Tensor HorizontalFlip(Tensor batch, Tensor flip)
    {
        using var scope = NewDisposeScope();
        var mirrored = batch.flip(3);
        var mask = flip.to(ScalarType.Bool).to(batch.device).view(-1, 1, 1, 1);
        return where(mask, mirrored, batch).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// The normalised B×2×3 matrices for <see cref="nn.functional.affine_grid"/> that reproduce torchvision's
    /// <c>F.affine(img, angle, translate=[0, 0], scale, shear=0)</c> on tensors: rotation by <paramref name="degrees"/>
    /// clockwise as displayed (torchvision's affine convention; its <c>F.rotate</c> negates the angle and turns
    /// counter-clockwise) and scaling by <paramref name="scales"/> about the image centre.
    /// torchvision builds the inverse matrix M = (1/s)·[[cos a, sin a], [−sin a, cos a]] in pixel units and divides by
    /// (W/2, H/2); in affine_grid's normalised units that is M with the off-diagonals rescaled by H/W and W/H.
    /// </summary>
    public static Tensor AffineMatrices(Tensor degrees, Tensor scales, long height, long width)
    {
        using var scope = NewDisposeScope();
        var radians = degrees.to(ScalarType.Float32).Times((float)(Math.PI / 180.0));
        var inverseScale = scales.to(ScalarType.Float32).reciprocal();
        var cos = radians.cos() * inverseScale;
        var sin = radians.sin() * inverseScale;
        var zero = zeros_like(cos);
        var aspect = (float)height / width;
        var row0 = stack([cos, sin.Times(aspect), zero], dim: 1);
        var row1 = stack([(-sin).DividedBy(aspect), cos, zero], dim: 1);
        return stack([row0, row1], dim: 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Resamples each sample through its B×2×3 normalised inverse matrix <paramref name="theta"/> with nearest-neighbour
    /// interpolation, zero fill outside the image and <c>align_corners = false</c> (pixel centres at (i + 0.5)/W),
    /// which is torchvision's tensor path with its defaults (NEAREST, fill 0).
    /// </summary>
    public static Tensor Affine(Tensor batch, Tensor theta)
    {
        using var scope = NewDisposeScope();
        var grid = nn.functional.affine_grid(theta.to(batch.dtype).to(batch.device), batch.shape, align_corners: false);
        return nn.functional.grid_sample(batch, grid, mode: GridSampleMode.Nearest, padding_mode: GridSamplePaddingMode.Zeros, align_corners: false)
            .MoveToOuterDisposeScope();
    }

    /// <summary>torchvision <c>adjust_brightness</c> per sample: <c>clamp(factor · img, 0, 1)</c>.</summary>
    public static Tensor AdjustBrightness(Tensor batch, Tensor factors)
    {
        using var scope = NewDisposeScope();
        var f = factors.to(batch.dtype).to(batch.device).view(-1, 1, 1, 1);
        return (batch * f).ClampInPlace(0, 1).MoveToOuterDisposeScope();
    }

    /// <summary>The B×1×H×W luma of an RGB batch with <see cref="GrayscaleWeights"/>.</summary>
    public static Tensor Grayscale(Tensor batch)
    {
        using var scope = NewDisposeScope();
        var w = tensor(GrayscaleWeights.ToArray(), dtype: batch.dtype, device: batch.device).view(1, 3, 1, 1);
        return (batch * w).sum(1, keepdim: true).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// torchvision <c>adjust_saturation</c> per sample: <c>clamp(factor · img + (1 − factor) · gray(img), 0, 1)</c>, so
    /// factor 0 gives the grayscale image (in all three channels) and 1 the image itself.
    /// </summary>
    public static Tensor AdjustSaturation(Tensor batch, Tensor factors)
    {
        using var scope = NewDisposeScope();
        var f = factors.to(batch.dtype).to(batch.device).view(-1, 1, 1, 1);
        var gray = Grayscale(batch);
        return (batch * f).Plus(gray * (ones_like(f) - f)).ClampInPlace(0, 1).MoveToOuterDisposeScope();
    }
}
