using Hw4.Dashboard.Features.Device;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// Estimates the time per step of each optimizer on an image before a run starts: it times a few steps on a centre
/// crop of at most <see cref="SampleSide"/>² pixels (after one warm-up step), and scales by the pixel count. One short
/// timing is at the mercy of whatever else the machine does (the same image read 6.8, 130.5 and 143.1 ms per step on
/// three loads), so each optimizer is timed <see cref="Rounds"/> times and the median kept, and the figure is kept
/// for the process: the same norm and crop size give the same estimate on every load. Costs some tens of milliseconds
/// the first time; runs on the caller's thread (measure first from a worker thread or a prerender, never a circuit's
/// thread; the denoise page's circuit reads what its prerender measured).
/// </summary>
public sealed class StepTimeEstimator(DeviceContext device)
{
    /// <summary>Timed rounds per optimizer; the median round is kept.</summary>
    public const int Rounds = 5;

    // Seconds per step on the crop, by norm and crop size: measured once per process.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(DenoiseNorm, int, int), IReadOnlyDictionary<DenoiseOptimizer, double>> _measured = new();
    /// <summary>Side of the crop that is timed.</summary>
    public const int SampleSide = 128;

    /// <summary>Steps timed per optimizer.</summary>
    public const int SampleSteps = 8;

    /// <summary>The estimate for <paramref name="image"/> with <paramref name="norm"/>.</summary>
    public StepTimeEstimate Estimate(RgbImage image, DenoiseNorm norm)
    {
        ArgumentNullException.ThrowIfNull(image);
        var w = Math.Min(SampleSide, image.Width);
        var h = Math.Min(SampleSide, image.Height);
        var crop = image.Crop((image.Width - w) / 2, (image.Height - h) / 2, w, h);
        var scale = (double)image.Width * image.Height / (w * h);
        var onCrop = _measured.GetOrAdd((norm, w, h), _ => Measure(crop, norm));
        var perStep = onCrop.ToDictionary(p => p.Key, p => p.Value * scale);
        return new StepTimeEstimate((long)image.Width * image.Height, w, h, SampleSteps, perStep);
    }

    private Dictionary<DenoiseOptimizer, double> Measure(RgbImage crop, DenoiseNorm norm)
    {
        var perStep = new Dictionary<DenoiseOptimizer, double>();
        foreach (var optimizer in Enum.GetValues<DenoiseOptimizer>())
        {
            // A small step: the estimate is about time, and a diverging sample would end early.
            var options = new DenoiseOptions(norm, optimizer, Lr: 1e-3, Alpha: 1, Steps: 1, ReportEvery: int.MaxValue);
            TvDenoiser.Run(crop, null, options, device.Device);
            // The result's seconds are the loop's alone (no final loss, no copy to the host).
            var rounds = Enumerable.Range(0, Rounds)
                .Select(_ => TvDenoiser.Run(crop, null, options with { Steps = SampleSteps }, device.Device).Seconds / SampleSteps)
                .Order()
                .ToList();
            perStep[optimizer] = rounds[Rounds / 2];
        }

        return perStep;
    }
}
