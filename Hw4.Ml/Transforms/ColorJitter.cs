using static TorchSharp.torch;

namespace Hw4.Ml.Transforms;

/// <summary>
/// torchvision <c>ColorJitter(brightness=(min, max), saturation=(min, max))</c> for a batch. Each sample draws its own
/// brightness factor, saturation factor and order: torchvision applies its sub-transforms in a random order per call
/// (per image in the reference's per-sample pipeline), and because both steps clamp to [0, 1] the order matters for
/// saturated pixels, so this draws the order per sample too (brightness first with probability ½) instead of fixing it.
/// </summary>
/// <remarks>
/// Per call it draws B brightness factors, then B saturation factors, then B order coins from the generator. Both
/// orders are computed for the whole batch and selected per sample (elementwise work is cheap next to a training step).
/// </remarks>
public sealed class ColorJitter : IBatchTransform
{
    /// <summary>Creates the transform; each range must satisfy 0 ≤ min ≤ max (use (1, 1) to disable one).</summary>
    public ColorJitter(double minBrightness, double maxBrightness, double minSaturation, double maxSaturation)
    {
        CheckRange(minBrightness, maxBrightness, nameof(minBrightness));
        CheckRange(minSaturation, maxSaturation, nameof(minSaturation));
        MinBrightness = minBrightness;
        MaxBrightness = maxBrightness;
        MinSaturation = minSaturation;
        MaxSaturation = maxSaturation;
    }

    /// <summary>The smallest brightness factor.</summary>
    public double MinBrightness { get; }

    /// <summary>The largest brightness factor.</summary>
    public double MaxBrightness { get; }

    /// <summary>The smallest saturation factor.</summary>
    public double MinSaturation { get; }

    /// <summary>The largest saturation factor.</summary>
    public double MaxSaturation { get; }

    /// <inheritdoc />
    public Tensor Apply(Tensor batch, Generator generator)
    {
        BatchFunctional.EnsureImageBatch(batch, nameof(batch));
        using var scope = NewDisposeScope();
        var count = batch.shape[0];
        var brightness = BatchFunctional.Uniform(count, MinBrightness, MaxBrightness, generator, batch.device);
        var saturation = BatchFunctional.Uniform(count, MinSaturation, MaxSaturation, generator, batch.device);
        var brightnessFirst = BatchFunctional.Uniform(count, 0, 1, generator, batch.device) < 0.5;

        var bs = BatchFunctional.AdjustSaturation(BatchFunctional.AdjustBrightness(batch, brightness), saturation);
        var sb = BatchFunctional.AdjustBrightness(BatchFunctional.AdjustSaturation(batch, saturation), brightness);
        return where(brightnessFirst.view(-1, 1, 1, 1), bs, sb).MoveToOuterDisposeScope();
    }

    private static void CheckRange(double min, double max, string paramName)
    {
        if (!(min >= 0) || !(max >= min) || double.IsInfinity(max))
        {
            throw new ArgumentException($"Jitter range ({min}, {max}) must satisfy 0 ≤ min ≤ max.", paramName);
        }
    }
}
