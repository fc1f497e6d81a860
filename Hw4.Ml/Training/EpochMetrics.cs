namespace Hw4.Ml.Training;

/// <summary>The figures of one finished epoch.</summary>
/// <param name="Epoch">1-based epoch.</param>
/// <param name="TrainLoss">Mean training cross-entropy.</param>
/// <param name="ValLoss">Mean validation cross-entropy.</param>
/// <param name="ValAccuracy">Validation accuracy (0..1).</param>
/// <param name="Seconds">Seconds of the training part.</param>
/// <param name="ImagesPerSecond">Training images per second.</param>
public sealed record EpochMetrics(int Epoch, double TrainLoss, double ValLoss, double ValAccuracy, double Seconds, double ImagesPerSecond);
