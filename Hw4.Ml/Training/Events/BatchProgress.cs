namespace Hw4.Ml.Training.Events;

/// <summary>Raised every N batches while an epoch trains.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Batch">1-based batch within the epoch.</param>
/// <param name="BatchesPerEpoch">Batches in one epoch.</param>
/// <param name="GlobalStep">Optimizer steps taken since the run began (across resumes).</param>
/// <param name="RunningLoss">Mean training loss over the epoch so far.</param>
/// <param name="ImagesPerSecond">Training images per second over the epoch so far.</param>
/// <param name="EtaSeconds">Estimated seconds until the last epoch's training part ends.</param>
public sealed record BatchProgress(
    string RunId, int Epoch, int Batch, int BatchesPerEpoch, long GlobalStep, double RunningLoss, double ImagesPerSecond, double EtaSeconds)
    : TrainingEvent(RunId);
