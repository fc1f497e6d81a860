namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>The test-set evaluation of the best checkpoint: accuracy over <paramref name="Images"/> images, and the loss when known.</summary>
public sealed record EvaluationCompleted(string RunId, int BestEpoch, double Accuracy, double? Loss, int Images = 0) : RunEvent(RunId);
