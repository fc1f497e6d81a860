using System.Globalization;
using Hw4.Dashboard.Features.Runs.Store;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;

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
    public static string Host(RunRow run) => run.Host ?? "–";

    /// <summary>"done/planned" epochs.</summary>
    public static string Epochs(RunRow run) =>
        run.EpochsPlanned is { } planned ? $"{run.EpochsDone}/{planned}" : run.EpochsDone.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lowest validation loss, or a dash.</summary>
    public static string BestValLoss(RunRow run) => run.BestValLoss?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>Test accuracy as a percentage, or a dash.</summary>
    public static string TestAccuracy(RunRow run) => run.TestAccuracy?.ToString("P2", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>Creation time (UTC).</summary>
    public static string Created(RunRow run) => run.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    /// <summary>True when the run can be stopped from the list: queued, running, or interrupted (to give it up).</summary>
    public static bool CanStop(RunRow run) =>
        RunStatusNames.Parse(run.Status) is { } status && (status.IsActive() || status == RunStatus.Interrupted);

    /// <summary>A denoising run's norm, or a dash.</summary>
    public static string Norm(RunRow run) => run.Norm ?? "–";

    /// <summary>A denoising run's α, or a dash.</summary>
    public static string Alpha(RunRow run) => run.Alpha?.ToString("G4", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>A denoising run's learning rate (τ for primal-dual, with the optimizer), or a dash.</summary>
    public static string DenoiseLr(RunRow run) =>
        run.Kind == RunKinds.Denoise && run.LearningRate is { } lr
            ? $"{lr.ToString("G4", CultureInfo.InvariantCulture)} ({run.Optimizer})"
            : "–";

    /// <summary>A denoising run's PSNR in dB, or a dash.</summary>
    public static string Psnr(RunRow run) => run.Psnr is { } db ? db.ToString("0.00", CultureInfo.InvariantCulture) + " dB" : "–";
}
