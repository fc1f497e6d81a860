using Hw4.Ml.Imaging;

namespace Hw4.Ml.Denoising;

/// <summary>Outcome of a TV-denoising run. A diverged run keeps the last finite numbers and has no image.</summary>
/// <param name="Options">The settings used.</param>
/// <param name="Status">Completed, or diverged at <paramref name="DivergedAtStep"/>.</param>
/// <param name="InitialLoss">Loss at J = I.</param>
/// <param name="FinalLoss">Loss of the final J (before clamping); when diverged, the last finite loss.</param>
/// <param name="PsnrInput">PSNR of the noisy input against the clean image, or null.</param>
/// <param name="PsnrOutput">
/// PSNR of the output (clamped, rounded) against the clean image, or null; when diverged, that of the last estimate whose
/// loss was finite.
/// </param>
/// <param name="Seconds">Wall time of the optimisation loop, without the time its progress reports take.</param>
/// <param name="Output">The denoised image, clamped to [0, 255] and rounded; null when diverged.</param>
/// <param name="DivergedAtStep">The 1-based step whose loss was not finite; null when completed.</param>
public sealed record DenoiseResult(
    DenoiseOptions Options,
    DenoiseStatus Status,
    double InitialLoss,
    double FinalLoss,
    double? PsnrInput,
    double? PsnrOutput,
    double Seconds,
    RgbImage? Output,
    int? DivergedAtStep = null)
{
    /// <summary>True when the loss became non-finite.</summary>
    public bool Diverged => Status == DenoiseStatus.Diverged;

    /// <summary>One line for people: where it diverged and what was last finite.</summary>
    public string DivergenceMessage => !Diverged
        ? ""
        : string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"diverged at step {DivergedAtStep}/{Options.Steps}: the {Options.Norm.ToString().ToLowerInvariant()} loss became non-finite with {Options.Optimizer.ToString().ToLowerInvariant()} at lr={Options.Lr} (last finite loss {FinalLoss:G6}{(PsnrOutput is { } p ? $", PSNR {p:F2} dB" : "")}); lower the learning rate or use the best preset");
}
