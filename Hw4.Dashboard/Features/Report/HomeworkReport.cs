using Hw4.Ml.Autograd;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Report;

/// <summary>
/// The homework's write-up, assembled by <see cref="HomeworkReportBuilder"/> from an artifacts folder's runs: every
/// fact is read from its owner (run folders through <see cref="ReportRuns"/>, the Taylor check from Hw4.Ml's autograd
/// code, model tables from the real models). A part whose run does not exist yet is absent and listed in <see cref="Missing"/>.
/// </summary>
/// <param name="ArtifactsDir">The folder the runs were read from.</param>
/// <param name="Dataset">The CIFAR-10 source the augmentation grid was drawn from, or null.</param>
/// <param name="TaylorOptions">The Taylor check's inputs (1.1).</param>
/// <param name="Taylor">The scalar and 100-point Taylor checks (1.1).</param>
/// <param name="TermErrors">max |dz/dx − cos x| against the number of terms (1.1).</param>
/// <param name="Choices">The run of every part, with how it departs from the homework and what else could fill it.</param>
/// <param name="Denoising">The denoising parts that have a run (1.2).</param>
/// <param name="Cnn">The CNN part, or null (2).</param>
/// <param name="Residual">The residual part, or null (2).</param>
/// <param name="Paired">McNemar's test of CNN against residual: the chosen pair first, then each seed both groups share.</param>
/// <param name="PairedProblem">Why there is no paired test (a run without predictions.json), or null.</param>
/// <param name="CnnSummary">The CNN's layer table from the real model.</param>
/// <param name="ResidualSummary">The residual CNN's layer table from the real model.</param>
/// <param name="Augmentation">Augmented samples of a few training images, or null with <paramref name="AugmentationProblem"/> saying why.</param>
/// <param name="AugmentationProblem">Why there are no augmented samples, or null.</param>
public sealed record HomeworkReport(
    string ArtifactsDir,
    string? Dataset,
    TaylorOptions TaylorOptions,
    TaylorResult Taylor,
    IReadOnlyList<TaylorTermError> TermErrors,
    IReadOnlyList<ReportChoice> Choices,
    IReadOnlyDictionary<ReportPart, DenoiseReportRun> Denoising,
    TrainingReportRun? Cnn,
    TrainingReportRun? Residual,
    IReadOnlyList<PairedTest> Paired,
    string? PairedProblem,
    ModelSummary CnnSummary,
    ModelSummary ResidualSummary,
    AugmentationSamples? Augmentation,
    string? AugmentationProblem)
{
    /// <summary>The parts not run yet.</summary>
    public IReadOnlyList<ReportPart> Missing => [.. Choices.Where(c => c.Run is null).Select(c => c.Part)];

    /// <summary>The parts whose run is not what the homework asks.</summary>
    public IReadOnlyList<ReportChoice> OffRecipe => [.. Choices.Where(c => c.IsOffRecipe)];

    /// <summary>The run of <paramref name="part"/>, or null.</summary>
    public DenoiseReportRun? Denoise(ReportPart part) => Denoising.GetValueOrDefault(part);

    /// <summary>The training part of <paramref name="model"/>.</summary>
    public TrainingReportRun? Training(ModelKind model) => model == ModelKind.Residual ? Residual : Cnn;
}
