using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Report;

/// <summary>One denoising run as the report shows it.</summary>
/// <param name="Summary">The run folder's summary (run.json, end figures, divergence) from <see cref="RunDirectoryReader"/>.</param>
/// <param name="Steps">Its loss/PSNR curve.</param>
/// <param name="InputPng">input.png (the noisy image), or null when unreadable.</param>
/// <param name="OutputPng">output.png, or null (a diverged run keeps none).</param>
public sealed record DenoiseReportRun(
    RunSummary Summary,
    IReadOnlyList<DenoiseProgress> Steps,
    byte[]? InputPng,
    byte[]? OutputPng);
