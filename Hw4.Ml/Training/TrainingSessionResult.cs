using Hw4.Ml.Evaluation;

namespace Hw4.Ml.Training;

/// <summary>What a full run (train, then evaluate the best checkpoint) produced.</summary>
/// <param name="RunId">The run id.</param>
/// <param name="RunDirectory">The run folder.</param>
/// <param name="Training">The training outcome.</param>
/// <param name="Evaluation">The test evaluation; null when no epoch finished or the run was cancelled.</param>
public sealed record TrainingSessionResult(string RunId, string RunDirectory, TrainingResult Training, EvaluationSummary? Evaluation);
