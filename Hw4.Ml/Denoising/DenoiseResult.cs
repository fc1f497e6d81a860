using Hw4.Ml.Imaging;

namespace Hw4.Ml.Denoising;

/// <summary>Outcome of a TV-denoising run.</summary>
/// <param name="Options">The settings used.</param>
/// <param name="InitialLoss">Loss at J = I.</param>
/// <param name="FinalLoss">Loss of the final J (before clamping).</param>
/// <param name="PsnrInput">PSNR of the noisy input against the clean image, or null.</param>
/// <param name="PsnrOutput">PSNR of the output (clamped, rounded) against the clean image, or null.</param>
/// <param name="Seconds">Wall time of the optimisation loop.</param>
/// <param name="Output">The denoised image, clamped to [0, 255] and rounded.</param>
public sealed record DenoiseResult(
    DenoiseOptions Options,
    double InitialLoss,
    double FinalLoss,
    double? PsnrInput,
    double? PsnrOutput,
    double Seconds,
    RgbImage Output);
