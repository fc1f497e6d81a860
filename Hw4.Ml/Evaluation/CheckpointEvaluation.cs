namespace Hw4.Ml.Evaluation;

/// <summary>What <see cref="Evaluator.EvaluateCheckpoint"/> found: the summary (evaluation.json) and the per-image labels (predictions.json).</summary>
/// <param name="Summary">Accuracy, matrix, worst class and its examples.</param>
/// <param name="Predictions">The label per test image, in test-set order.</param>
public sealed record CheckpointEvaluation(EvaluationSummary Summary, TestPredictions Predictions);
