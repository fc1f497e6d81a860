using Hw4.Ml.Evaluation;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Recipes;
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
    /// <summary>Maps a run's result.</summary>
    public static TrainOutput From(ClassificationRunResult result, string model) => new(
        result.RunId,
        model,
        result.Status.Name(),
        result.Message,
        result.Training.Parameters,
        result.RunDirectory,
        result.Training.Epochs,
        result.Training.Best?.Epoch,
        result.Training.Checkpoints,
        result.Evaluation is { } e ? TestOutput.From(e) : null);
}
