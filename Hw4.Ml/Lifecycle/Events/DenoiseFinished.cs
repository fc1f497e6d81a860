namespace Hw4.Ml.Lifecycle.Events;

/// <summary>
/// A denoising run's figures at its end (completed, stopped or diverged), raised just before <see cref="RunEnded"/>
/// and after output.png is on disk (when there is one).
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="Steps">Steps done (for a diverged run: the step whose loss was not finite).</param>
/// <param name="FinalLoss">The loss of the kept estimate (when diverged: the last finite loss).</param>
/// <param name="PsnrInput">PSNR of the noisy input against the clean reference, or null without one.</param>
/// <param name="PsnrOutput">PSNR of the kept estimate (clamped, rounded), or null without a reference.</param>
/// <param name="Seconds">Wall time of the optimisation loop.</param>
/// <param name="HasImage">True when output.png holds the kept estimate (false when diverged).</param>
public sealed record DenoiseFinished(
    string RunId, int Steps, double FinalLoss, double? PsnrInput, double? PsnrOutput, double Seconds, bool HasImage)
    : RunEvent(RunId);
