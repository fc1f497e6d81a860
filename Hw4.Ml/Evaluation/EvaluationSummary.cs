namespace Hw4.Ml.Evaluation;

/// <summary>placeholder</summary>
public sealed record EvaluationSummary(double Accuracy);
