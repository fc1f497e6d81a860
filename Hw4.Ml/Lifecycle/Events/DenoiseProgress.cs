namespace Hw4.Ml.Lifecycle.Events;

/// <summary>A denoising step: the loss and, when a clean reference exists, the PSNR in dB.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Step">Steps done (1-based).</param>
/// <param name="TotalSteps">Steps planned.</param>
/// <param name="Loss">The loss at this step.</param>
/// <param name="Psnr">PSNR against the clean image, or null without one.</param>
public sealed record DenoiseProgress(string RunId, int Step, int TotalSteps, double Loss, double? Psnr) : RunEvent(RunId);
