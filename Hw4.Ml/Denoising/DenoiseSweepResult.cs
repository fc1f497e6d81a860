namespace Hw4.Ml.Denoising;

/// <summary>Every cell of a sweep, in grid order (norm, then α, then lr), and the best of each norm.</summary>
/// <param name="Points">One point per grid cell.</param>
/// <param name="Best">Per norm, the completed point with the highest finite PSNR; absent when every point of it diverged.</param>
/// <param name="Seconds">Loop seconds of the whole sweep.</param>
/// <param name="Batched">Whether cells ran as batched tensor programs.</param>
public sealed record DenoiseSweepResult(
    IReadOnlyList<DenoiseSweepPoint> Points,
    IReadOnlyDictionary<DenoiseNorm, DenoiseSweepPoint> Best,
    double Seconds,
    bool Batched)
{
    /// <summary>Per norm, the completed point with the highest finite PSNR.</summary>
    public static IReadOnlyDictionary<DenoiseNorm, DenoiseSweepPoint> PickBest(IEnumerable<DenoiseSweepPoint> points) =>
        points.Where(p => !p.Diverged && p.Psnr is { } db && double.IsFinite(db))
            .GroupBy(p => p.Norm)
            .ToDictionary(g => g.Key, g => g.MaxBy(p => p.Psnr!.Value)!);
}
