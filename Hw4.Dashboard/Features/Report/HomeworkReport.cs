using Hw4.Dashboard.Features.Export;
using Hw4.Ml.Autograd;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// The homework's write-up, assembled by <see cref="HomeworkReportBuilder"/> from this machine's runs: every fact is
/// read from its owner (run folders through <see cref="RunExportReader"/>, the Taylor check from Hw4.Ml's autograd
/// code, model tables from the real models). A part whose run does not exist yet is null and listed in <see cref="Missing"/>.
/// </summary>
/// <param name="Taylor">The scalar and 100-point Taylor checks (1.1).</param>
/// <param name="TermErrors">max |dz/dx − cos x| against the number of terms (1.1).</param>
/// <param name="L1">The newest completed L1 denoising run, or null (1.2).</param>
/// <param name="L2">The newest completed L2 denoising run, or null (1.2).</param>
/// <param name="Cnn">The CNN run, or null (2).</param>
/// <param name="Residual">The residual run, or null (2).</param>
/// <param name="CnnSummary">The CNN's layer table from the real model.</param>
/// <param name="ResidualSummary">The residual CNN's layer table from the real model.</param>
/// <param name="Augmentation">Augmented samples of a few training images, or null with <see cref="AugmentationProblem"/> saying why.</param>
/// <param name="AugmentationProblem">Why there are no augmented samples (no dataset), or null.</param>
/// <param name="Examples">The worst class's confused test images (PNG) of each training run, by run id.</param>
/// <param name="L2Divergence">When an L2 run diverged (the seed's step does), that fact, naming the run; else null.</param>
/// <param name="Missing">The parts not run yet.</param>
public sealed record HomeworkReport(
    TaylorResult Taylor,
    IReadOnlyList<TaylorTermError> TermErrors,
    DenoiseReportRun? L1,
    DenoiseReportRun? L2,
    RunExport? Cnn,
    RunExport? Residual,
    ModelSummary CnnSummary,
    ModelSummary ResidualSummary,
    AugmentationSamples? Augmentation,
    string? AugmentationProblem,
    IReadOnlyDictionary<string, IReadOnlyList<(ConfusionExample Example, byte[] Png)>> Examples,
    string? L2Divergence,
    IReadOnlyList<ReportPart> Missing);
