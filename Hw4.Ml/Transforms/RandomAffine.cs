using static TorchSharp.torch;

namespace Hw4.Ml.Transforms;

/// <summary>
/// torchvision <c>RandomAffine(degrees, scale=(min, max))</c> (no translation, no shear, NEAREST, fill 0) for a batch:
/// each sample draws an angle uniformly from [−<see cref="Degrees"/>, <see cref="Degrees"/>] (clockwise as
/// displayed for positive angles, as torchvision's affine) and a scale from [<see cref="MinScale"/>, <see cref="MaxScale"/>], about the image centre.
/// </summary>
/// <remarks>
/// Differences from torchvision's tensor path: none in the geometry (same inverse matrix, same centre — the continuous
/// centre W/2, i.e. (W−1)/2 in pixel indices — and same <c>grid_sample</c> call with <c>align_corners = false</c>).
/// torchvision evaluates the grid with its own float32 <c>bmm</c> while this uses <c>affine_grid</c>, so a sample
/// point that falls within float rounding of a half-pixel tie may round to the neighbouring pixel; nearest rounding
/// is round-half-to-even in both. Parameters come from the passed generator (B angles, then B scales), not from
/// torch's global generator.
/// </remarks>
public sealed class RandomAffine : IBatchTransform
{
    /// <summary>Creates the transform; <paramref name="degrees"/> ≥ 0 and 0 &lt; <paramref name="minScale"/> ≤ <paramref name="maxScale"/>.</summary>
    public RandomAffine(double degrees, double minScale = 1.0, double maxScale = 1.0)
    {
        if (!(degrees >= 0) || double.IsInfinity(degrees))
        {
            throw new ArgumentOutOfRangeException(nameof(degrees), degrees, "Rotation range must be a finite number of degrees ≥ 0.");
        }

        if (!(minScale > 0) || !(maxScale >= minScale) || double.IsInfinity(maxScale))
        {
            throw new ArgumentException($"Scale range ({minScale}, {maxScale}) must satisfy 0 < min ≤ max.", nameof(minScale));
        }

        Degrees = degrees;
        MinScale = minScale;
        MaxScale = maxScale;
    }

    /// <summary>The largest absolute rotation angle in degrees.</summary>
    public double Degrees { get; }

    /// <summary>The smallest scale factor.</summary>
    public double MinScale { get; }

    /// <summary>The largest scale factor.</summary>
    public double MaxScale { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator generator)
    {
        BatchFunctional.EnsureImageBatch(batch, nameof(batch));
        using var scope = NewDisposeScope();
        var count = batch.shape[0];
        var angles = BatchFunctional.Uniform(count, -Degrees, Degrees, generator, CPU);
        var scales = BatchFunctional.Uniform(count, MinScale, MaxScale, generator, CPU);
        var theta = BatchFunctional.AffineMatrices(angles, scales, batch.shape[2], batch.shape[3]);
        return BatchFunctional.Affine(batch, theta).MoveToOuterDisposeScope();
    }
}
