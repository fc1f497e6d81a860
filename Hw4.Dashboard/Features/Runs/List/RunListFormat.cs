using System.Globalization;
using Hw4.Dashboard.Store;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Hw4.Dashboard.Features.Models;

namespace Hw4.Dashboard.Features.Runs.List;

/// <summary>How the runs list shows a row's cells; kept out of the markup so tests can reach it.</summary>
public static class RunListFormat
{
    /// <summary>True when the run stopped on a NaN or infinite loss.</summary>
    public static bool IsDiverged(RunRow run) => run.Status == RunStatus.Diverged.Name();

    /// <summary>The status cell: the status word, or "unreadable: reason" for a damaged folder.</summary>
    public static string Status(RunRow run) => run.Problem is { } problem ? $"unreadable: {problem}" : run.Status;

    /// <summary>The tooltip of the diverged mark: the trainer's "diverged at epoch e, batch b (…)", else a plain note.</summary>
    public static string DivergedText(RunRow run) => run.Message ?? "diverged (epoch and batch not recorded)";

    /// <summary>The host cell: the host that trained it (or trains it now), or a dash before it ever started.</summary>
    public static string Host(RunRow run) => run.Host ?? Missing;

    /// <summary>A training run's "done/planned" epochs; a dash for a denoising run (it has steps, not epochs).</summary>
    public static string Epochs(RunRow run) =>
        run.Kind != RunKinds.Train ? Missing
        : run.EpochsPlanned is { } planned ? $"{run.EpochsDone}/{planned}" : run.EpochsDone.ToString(CultureInfo.InvariantCulture);

    /// <summary>A denoising run's "done/planned" steps, or a dash.</summary>
    public static string Steps(RunRow run) =>
        run.StepsPlanned is { } planned ? $"{run.StepsDone ?? 0}/{planned}" : Missing;

    /// <summary>What the run trains or does: the model (<c>CNN</c>), or <c>Denoise L1</c>.</summary>
    public static string What(RunRow run) => run.Kind == RunKinds.Denoise
        ? $"Denoise {run.Norm?.ToUpperInvariant() ?? ""}".TrimEnd()
        : Models.ModelDisplayName.Of(run.Model);

    /// <summary>The run's readable name (the id for a row indexed before runs had names).</summary>
    public static string Name(RunRow run) => string.IsNullOrWhiteSpace(run.Name) ? run.Id : run.Name;

    /// <summary>The dash written where a run has no such figure.</summary>
    public const string Missing = "–";

    /// <summary>
    /// The class of a cell showing <paramref name="text"/>: a missing figure is marked, so the phone's cards leave
    /// out its row instead of listing dashes.
    /// </summary>
    public static string? CellClass(string text) => text == Missing ? "cell-missing" : null;

    /// <summary>The lowest validation loss, or a dash.</summary>
    public static string BestValLoss(RunRow run) => run.BestValLoss?.ToString("0.0000", CultureInfo.InvariantCulture) ?? Missing;

    /// <summary>Test accuracy as a percentage, or a dash.</summary>
    public static string TestAccuracy(RunRow run) => run.TestAccuracy?.ToString("P2", CultureInfo.InvariantCulture) ?? Missing;

    /// <summary>Creation time (UTC).</summary>
    public static string Created(RunRow run) => run.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>True when the run can be stopped from the list: queued, running, or interrupted (to give it up).</summary>
    public static bool CanStop(RunRow run) =>
        RunStatusNames.Parse(run.Status) is { } status && (status.IsActive() || status == RunStatus.Interrupted);

    /// <summary>What a run achieved: a training run's test accuracy, a denoising run's PSNR; a dash before either.</summary>
    public static string Result(RunRow run) => run.Kind == RunKinds.Denoise
        ? Psnr(run)
        : run.TestAccuracy is { } a ? a.ToString("P2", CultureInfo.InvariantCulture) + " test acc" : Missing;

    /// <summary>A denoising run's norm, or a dash.</summary>
    public static string Norm(RunRow run) => run.Norm?.ToUpperInvariant() ?? Missing;

    /// <summary>A denoising run's α, or a dash.</summary>
    public static string Alpha(RunRow run) => run.Alpha?.ToString("G4", CultureInfo.InvariantCulture) ?? Missing;

    /// <summary>A denoising run's learning rate (τ for primal-dual, with the optimizer), or a dash.</summary>
    public static string DenoiseLr(RunRow run) =>
        run.Kind == RunKinds.Denoise && run.LearningRate is { } lr
            ? $"{lr.ToString("G4", CultureInfo.InvariantCulture)} ({OptimizerDisplayName.Of(run.Optimizer)})"
            : Missing;

    /// <summary>A denoising run's PSNR in dB, or a dash.</summary>
    public static string Psnr(RunRow run) => run.Psnr is { } db ? db.ToString("0.00", CultureInfo.InvariantCulture) + " dB" : Missing;
}
