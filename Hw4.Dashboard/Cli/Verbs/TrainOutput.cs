using Hw4.Ml.Evaluation;
using Hw4.Ml.Training;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>The <c>train --json</c> result.</summary>
public sealed record TrainOutput(
    string RunId,
    string Model,
    string Status,
    string? Message,
    long Parameters,
    string RunDir,
    IReadOnlyList<EpochMetrics> Epochs,
    int? BestEpoch,
    IReadOnlyList<string> Checkpoints,
    TestOutput? Test)
{
    /// <summary>Maps a session result.</summary>
    public static TrainOutput From(TrainingSessionResult result, string model) => new(
        result.RunId,
        model,
        result.Training.Status.ToString().ToLowerInvariant(),
        result.Training.Message,
        result.Training.Parameters,
        result.RunDirectory,
        result.Training.Epochs,
        result.Training.BestEpoch,
        result.Training.Checkpoints,
        result.Evaluation is { } e ? TestOutput.From(e) : null);
}
