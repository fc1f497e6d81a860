using Hw4.Ml.Lifecycle;
using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>Picks the runs for the one-click "CNN vs residual" comparison.</summary>
public static class RunPairPicker
{
    /// <summary>
    /// The newest finished <c>cnn</c> run and the newest finished <c>residual</c> run (by creation time, then id), or
    /// null when either is missing.
    /// </summary>
    public static (string Cnn, string Residual)? LatestCnnVsResidual(IEnumerable<RunRow> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var finished = runs.Where(r => r.Status == RunStatus.Completed.Name()).ToList();
        var cnn = Latest(finished, "cnn");
        var residual = Latest(finished, "residual");
        return cnn is not null && residual is not null ? (cnn.Id, residual.Id) : null;
    }

    private static RunRow? Latest(IEnumerable<RunRow> runs, string model) => runs
        .Where(r => string.Equals(r.Model, model, StringComparison.OrdinalIgnoreCase))
        .OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id, StringComparer.Ordinal)
        .FirstOrDefault();
}
