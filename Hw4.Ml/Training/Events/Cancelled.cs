namespace Hw4.Ml.Training.Events;

/// <summary>Raised when cancellation stopped the run between two batches.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">The epoch that was interrupted.</param>
/// <param name="Batch">Batches of that epoch completed before stopping.</param>
public sealed record Cancelled(string RunId, int Epoch, int Batch) : TrainingEvent(RunId);
