namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>A denoising step: loss and, when a clean reference exists, PSNR in dB. Throttled like <see cref="BatchProgress"/>.</summary>
public sealed record DenoiseProgress(string RunId, int Step, int TotalSteps, double Loss, double? Psnr) : RunEvent(RunId);
