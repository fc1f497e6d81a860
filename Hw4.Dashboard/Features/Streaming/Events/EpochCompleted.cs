namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>One epoch done with its mean train loss and validation loss/accuracy.</summary>
public sealed record EpochCompleted(
    string RunId, int Epoch, double TrainLoss, double ValLoss, double? ValAccuracy, double Seconds, double ImagesPerSecond)
    : RunEvent(RunId);
