using Hw4.Ml.Evaluation;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Hw4.Ml.Training;

namespace Hw4.Dashboard.Features.Export;

/// <summary>
/// Everything a run folder says about a run, in one document: the JSON export and the data of the HTML report.
/// Read by <see cref="RunExportReader"/> through Hw4.Ml's run-folder reader; snake_case JSON like the run folder.
/// </summary>
/// <param name="Format">Always <see cref="FormatName"/>, so a reader can tell the file.</param>
/// <param name="Version">Schema version (<see cref="CurrentVersion"/>).</param>
/// <param name="Id">Run id.</param>
/// <param name="Run">run.json: status, the full config (<see cref="RunRecord.Config"/>), dataset and versions.</param>
/// <param name="Epochs">Completed epochs in order.</param>
/// <param name="BestEpoch">The best epoch by <see cref="BestEpoch"/>, or null.</param>
/// <param name="Batches">Reported batches in order.</param>
/// <param name="Evaluation">evaluation.json, or null when the run was not evaluated.</param>
/// <param name="Divergence">Where the run diverged, or null.</param>
/// <param name="Warnings">Warnings raised during the run.</param>
/// <param name="Notes">The user's tags and notes.</param>
public sealed record RunExport(
    string Format,
    int Version,
    string Id,
    RunRecord Run,
    IReadOnlyList<EpochMetrics> Epochs,
    int? BestEpoch,
    IReadOnlyList<BatchLoss> Batches,
    EvaluationSummary? Evaluation,
    Diverged? Divergence,
    IReadOnlyList<string> Warnings,
    RunNotes Notes)
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "hw4-run-export";

    /// <summary>The schema version written now.</summary>
    public const int CurrentVersion = 1;
}
