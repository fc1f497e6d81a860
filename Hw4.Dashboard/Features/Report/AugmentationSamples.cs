namespace Hw4.Dashboard.Features.Report;

/// <summary>A few training images, each as stored and under several draws of the training augmentation.</summary>
/// <param name="Dataset">Where the images were read from.</param>
/// <param name="Rows">Per image: its class, the original PNG, then one PNG per draw.</param>
public sealed record AugmentationSamples(string Dataset, IReadOnlyList<(string Class, byte[] Original, IReadOnlyList<byte[]> Draws)> Rows);
