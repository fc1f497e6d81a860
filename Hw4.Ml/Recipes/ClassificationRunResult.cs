using Hw4.Ml.Evaluation;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Training;

namespace Hw4.Ml.Recipes;

/// <summary>What one attempt of a classification run produced.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="RunDirectory">The run folder.</param>
/// <param name="Status">How the attempt ended (as written to run.json).</param>
/// <param name="Message">Why it ended early; null when completed.</param>
/// <param name="Training">The training loop's outcome (every epoch of the run, including those before a resume).</param>
/// <param name="Evaluation">The test evaluation of the best epoch; null when there was none.</param>
public sealed record ClassificationRunResult(
    string RunId, string RunDirectory, RunStatus Status, string? Message, TrainingResult Training, EvaluationSummary? Evaluation);
