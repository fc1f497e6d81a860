namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>
/// One training batch done. <paramref name="Step"/> counts batches over the whole run (the x of the per-batch loss
/// chart); throttled to a few per second per run, so clients see the latest, not every batch.
/// </summary>
public sealed record BatchProgress(
    string RunId, int Epoch, int Batch, int BatchesPerEpoch, long Step, double Loss, double ImagesPerSecond, double? EtaSeconds)
    : RunEvent(RunId);
