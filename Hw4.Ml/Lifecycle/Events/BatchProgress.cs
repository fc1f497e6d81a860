namespace Hw4.Ml.Lifecycle.Events;

/// <summary>Raised every N training batches (the dashboard asks for every one: each is a point of its per-batch chart).</summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="Batch">1-based batch within the epoch.</param>
/// <param name="BatchesPerEpoch">Batches in one epoch.</param>
/// <param name="Step">Optimizer steps taken since the run began (across resumes): the x of per-batch charts.</param>
/// <param name="Loss">This batch's own mean cross-entropy.</param>
/// <param name="RunningLoss">Mean training loss over the epoch so far.</param>
/// <param name="ImagesPerSecond">Training images per second over the epoch so far.</param>
/// <param name="EtaSeconds">Estimated seconds until the last epoch's training part ends; null while unknown.</param>
/// <param name="ElapsedSeconds">
/// Wall-clock seconds of this epoch's training so far (the clock <see cref="EpochCompleted.Seconds"/> ends with); null in
/// files written before it existed.
/// </param>
public sealed record BatchProgress(
    string RunId, int Epoch, int Batch, int BatchesPerEpoch, long Step, double Loss, double RunningLoss, double ImagesPerSecond, double? EtaSeconds,
    double? ElapsedSeconds = null)
    : RunEvent(RunId);
