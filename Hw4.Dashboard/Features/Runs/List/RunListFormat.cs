using System.Globalization;
using Hw4.Dashboard.Features.Runs.Store;

namespace Hw4.Dashboard.Features.Runs.List;

/// <summary>How the runs list shows a row's cells; kept out of the markup so tests can reach it.</summary>
public static class RunListFormat
{
    /// <summary>True when the run stopped on a NaN or infinite loss.</summary>
    public static bool IsDiverged(RunRecord run) => run.Status == "diverged";

    /// <summary>The tooltip of the diverged mark: the trainer's "diverged at epoch e, batch b (…)", else a plain note.</summary>
    public static string DivergedText(RunRecord run) => run.Message ?? "diverged (epoch and batch not recorded)";

    /// <summary>"done/planned" epochs.</summary>
    public static string Epochs(RunRecord run) =>
        run.EpochsPlanned is { } planned ? $"{run.EpochsDone}/{planned}" : run.EpochsDone.ToString(CultureInfo.InvariantCulture);

    /// <summary>The lowest validation loss, or a dash.</summary>
    public static string BestValLoss(RunRecord run) => run.BestValLoss?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>Test accuracy as a percentage, or a dash.</summary>
    public static string TestAccuracy(RunRecord run) => run.TestAccuracy?.ToString("P2", CultureInfo.InvariantCulture) ?? "–";

    /// <summary>Creation time (UTC).</summary>
    public static string Created(RunRecord run) => run.CreatedAt.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
