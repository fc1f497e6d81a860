namespace Hw4.Ml.Training.Events;

/// <summary>Raised once when every epoch has trained.</summary>
/// <param name="RunId">The run.</param>
/// <param name="BestEpoch">The epoch with the lowest validation loss.</param>
/// <param name="BestValLoss">That validation loss.</param>
public sealed record Finished(string RunId, int BestEpoch, double BestValLoss) : TrainingEvent(RunId);
