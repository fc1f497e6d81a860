namespace Hw4.Dashboard.Features.Export;

/// <summary>One reported batch of a run (metrics.jsonl's <c>batch_progress</c>, without timing).</summary>
/// <param name="Epoch">Epoch (1-based).</param>
/// <param name="Batch">Batch within the epoch (1-based).</param>
/// <param name="Step">Global step (batches since the run began).</param>
/// <param name="Loss">That batch's own loss.</param>
/// <param name="RunningLoss">The epoch's mean loss so far.</param>
public sealed record BatchLoss(int Epoch, int Batch, long Step, double Loss, double RunningLoss);
