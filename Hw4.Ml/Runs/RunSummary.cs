using Hw4.Ml.Training;

namespace Hw4.Ml.Runs;

/// <summary>A plain summary of one run folder, enough to rebuild an index (database row) from the folder alone.</summary>
/// <param name="Id">Run id.</param>
/// <param name="Directory">The run folder.</param>
/// <param name="Model">Model kind, lower-case.</param>
/// <param name="Status">How far it got.</param>
/// <param name="Config">The recipe.</param>
/// <param name="Epochs">Epochs finished (from metrics.jsonl).</param>
/// <param name="BestEpoch">Epoch with the lowest validation loss, or null.</param>
/// <param name="BestValLoss">That loss, or null.</param>
/// <param name="TestAccuracy">Test accuracy from evaluation.json, or null.</param>
/// <param name="CreatedUtc">Creation time.</param>
/// <param name="FinishedUtc">End time, or null.</param>
/// <param name="Tags">Labels.</param>
/// <param name="Notes">Notes.</param>
public sealed record RunSummary(
    string Id,
    string Directory,
    string Model,
    TrainingStatus Status,
    TrainerOptions Config,
    int Epochs,
    int? BestEpoch,
    double? BestValLoss,
    double? TestAccuracy,
    DateTimeOffset CreatedUtc,
    DateTimeOffset? FinishedUtc,
    IReadOnlyList<string> Tags,
    string? Notes);
