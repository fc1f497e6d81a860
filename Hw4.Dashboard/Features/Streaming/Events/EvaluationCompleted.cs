namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>The test-set evaluation of the best checkpoint.</summary>
public sealed record EvaluationCompleted(string RunId, int BestEpoch, double Accuracy, double Loss) : RunEvent(RunId);
