using Hw4.Ml.Evaluation;

namespace Hw4.Dashboard.Features.Runs.Detail;

/// <summary>What the run page reads from a run folder beyond the index row.</summary>
/// <param name="Config">run.json as key/value rows.</param>
/// <param name="Evaluation">evaluation.json, or null.</param>
/// <param name="Checkpoints">Saved checkpoints, by epoch.</param>
/// <param name="RawJson">run.json as written, for the raw view.</param>
/// <param name="Problems">One-line messages about files that could not be read.</param>
public sealed record RunDetailData(
    IReadOnlyList<ConfigRow> Config,
    EvaluationSummary? Evaluation,
    IReadOnlyList<CheckpointFile> Checkpoints,
    string? RawJson,
    IReadOnlyList<string> Problems)
{
    /// <summary>Nothing known (no folder).</summary>
    public static RunDetailData Empty { get; } = new([], null, [], null, []);
}
