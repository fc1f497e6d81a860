namespace Hw4.Ml.Lifecycle.Events;

/// <summary>
/// Raised when an epoch has trained, been validated and had its checkpoint written: an epoch that has this event is
/// durable, and a resume can start after it.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean cross-entropy over the epoch's training images.</param>
/// <param name="ValLoss">Mean cross-entropy over the validation split (NaN when it was not finite).</param>
/// <param name="ValAccuracy">Fraction of validation images classified correctly.</param>
/// <param name="Seconds">Seconds the training part of the epoch took (validation excluded).</param>
/// <param name="ImagesPerSecond">Training images per second.</param>
public sealed record EpochCompleted(
    string RunId, int Epoch, double TrainLoss, double ValLoss, double ValAccuracy, double Seconds, double ImagesPerSecond)
    : RunEvent(RunId);
