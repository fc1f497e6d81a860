using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Recipes;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Report;

/// <summary>One denoising run as the report shows it.</summary>
/// <param name="Part">The part it fills.</param>
/// <param name="Summary">The run folder's summary (run.json, end figures, divergence) from <see cref="RunDirectoryReader"/>.</param>
/// <param name="Steps">Its loss/PSNR curve, every recorded step.</param>
/// <param name="InputPng">The centre of input.png (the noisy image) at full resolution (<see cref="HomeworkReportBuilder.DetailPixels"/>), or null when unreadable.</param>
/// <param name="OutputPng">The same crop of output.png, or null (a diverged run keeps none).</param>
/// <param name="Differences">How its settings depart from the part's (empty when they are the part's).</param>
public sealed record DenoiseReportRun(
    ReportPart Part,
    RunSummary Summary,
    IReadOnlyList<DenoiseProgress> Steps,
    byte[]? InputPng,
    byte[]? OutputPng,
    IReadOnlyList<RecipeDifference> Differences)
{
    /// <summary>The run's settings.</summary>
    public Hw4.Ml.Denoising.DenoiseOptions Options => Summary.Record!.DenoiseConfig().Options;

    /// <summary>True when the run diverged (the seed's L2).</summary>
    public bool Diverged => Summary.Divergence is not null || Summary.Record!.Status == Hw4.Ml.Lifecycle.RunStatus.Diverged;
}
