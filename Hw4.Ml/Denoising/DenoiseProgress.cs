using Hw4.Ml.Imaging;

namespace Hw4.Ml.Denoising;

/// <summary>A progress report: plain numbers and a small preview, never tensors.</summary>
/// <param name="Step">Steps done so far (1-based).</param>
/// <param name="Steps">Total steps.</param>
/// <param name="Loss">Loss at the start of this step (gd, adam) or of the estimate after it (primal-dual).</param>
/// <param name="Psnr">PSNR (dB) of the current J, clamped and rounded, against the clean image; null without one.</param>
/// <param name="Preview">The current J, clamped, rounded and downscaled.</param>
public sealed record DenoiseProgress(int Step, int Steps, double Loss, double? Psnr, RgbImage Preview);
