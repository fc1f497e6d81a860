using Hw4.Dashboard.Features.Device;
using Hw4.Ml.Denoising;
using Hw4.Ml.Imaging;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// Estimates the time per step of each optimizer on an image before a run starts: it times a few steps on a centre
/// crop of at most <see cref="SampleSide"/>² pixels (after one warm-up step), and scales by the pixel count. Costs a few
/// milliseconds; runs on the caller's thread (call it from a worker thread, never the circuit's).
/// </summary>
public sealed class StepTimeEstimator(DeviceContext device)
{
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
        var perStep = new Dictionary<DenoiseOptimizer, double>();
        foreach (var optimizer in Enum.GetValues<DenoiseOptimizer>())
        {
            // A small step: the estimate is about time, and a diverging sample would end early.
            var options = new DenoiseOptions(norm, optimizer, Lr: 1e-3, Alpha: 1, Steps: 1, ReportEvery: int.MaxValue);
            TvDenoiser.Run(crop, null, options, device.Device);
            // The result's seconds are the loop's alone (no final loss, no copy to the host).
            var timed = TvDenoiser.Run(crop, null, options with { Steps = SampleSteps }, device.Device);
            perStep[optimizer] = timed.Seconds / SampleSteps * scale;
        }

        return new StepTimeEstimate((long)image.Width * image.Height, w, h, SampleSteps, perStep);
    }
}
