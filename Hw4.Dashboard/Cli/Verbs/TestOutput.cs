using Hw4.Ml.Evaluation;

namespace Hw4.Dashboard.Cli.Verbs;

/// <summary>The <c>test</c> object of <c>train --json</c>, and the whole result of <c>evaluate --json</c>.</summary>
public sealed record TestOutput(
    string Checkpoint,
    int Images,
    double Accuracy,
    IReadOnlyDictionary<string, double> PerClassAccuracy,
    long[][] ConfusionMatrix,
    string WorstClass,
    string? MostConfusedWith,
    IReadOnlyList<ConfusionExample> Examples,
    double ImagesPerSecond)
{
    /// <summary>Maps an evaluation summary.</summary>
    public static TestOutput From(EvaluationSummary e) => new(
        e.Checkpoint, e.Images, e.Accuracy, e.PerClassAccuracy, e.ConfusionMatrix, e.WorstClass, e.MostConfusedWith, e.Examples, e.ImagesPerSecond);
}
