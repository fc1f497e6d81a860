using Hw4.Ml.Evaluation;

namespace Hw4.Ml.Lifecycle.Events;

/// <summary>Raised when the best checkpoint has been evaluated on the test split (evaluation.json is written).</summary>
/// <param name="RunId">The run.</param>
/// <param name="Summary">The evaluation (numbers and strings only).</param>
public sealed record Evaluated(string RunId, EvaluationSummary Summary) : RunEvent(RunId);
