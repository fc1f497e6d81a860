using System.Globalization;
using Hw4.Ml.Denoising;

namespace Hw4.Dashboard.Features.Denoising;

/// <summary>
/// Estimated seconds per denoising step for an image, per optimizer, and how the figure was obtained: a short run on
/// a crop of the image on this machine, scaled by the pixel count (every step costs a fixed number of passes over
/// the pixels).
/// </summary>
/// <param name="Pixels">Pixels of the image the estimate is for.</param>
/// <param name="SampleWidth">Width of the crop measured.</param>
/// <param name="SampleHeight">Height of the crop measured.</param>
/// <param name="SampleSteps">Steps timed on the crop.</param>
/// <param name="SecondsPerStep">Estimated seconds per step on the whole image, by optimizer.</param>
public sealed record StepTimeEstimate(
    long Pixels, int SampleWidth, int SampleHeight, int SampleSteps, IReadOnlyDictionary<DenoiseOptimizer, double> SecondsPerStep)
{
    /// <summary>Estimated seconds for <paramref name="steps"/> steps of <paramref name="optimizer"/>.</summary>
    public double Seconds(DenoiseOptimizer optimizer, int steps) => SecondsPerStep[optimizer] * steps;

    /// <summary>How the figure was obtained, in one sentence.</summary>
    public string Method => string.Create(CultureInfo.InvariantCulture,
        $"measured here: the median of {StepTimeEstimator.Rounds} timings of {SampleSteps} steps on a {SampleWidth}×{SampleHeight} centre crop, scaled by the pixel count ({Pixels:N0} px)");

    /// <summary>"≈ 4.1 ms" or "≈ 1.20 s".</summary>
    public static string Format(double seconds) =>
        seconds < 1 ? string.Create(CultureInfo.InvariantCulture, $"≈ {seconds * 1000:0.#} ms") : string.Create(CultureInfo.InvariantCulture, $"≈ {seconds:0.00} s");
}
