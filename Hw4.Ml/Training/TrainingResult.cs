namespace Hw4.Ml.Training;

/// <summary>What a training run produced.</summary>
/// <param name="Status">How it ended.</param>
/// <param name="Epochs">Figures of every finished epoch, including those before a resume.</param>
/// <param name="BestEpoch">Epoch with the lowest validation loss; null when no epoch finished.</param>
/// <param name="Checkpoints">Model checkpoint files written by this run, in epoch order.</param>
/// <param name="Parameters">Trainable parameters of the model.</param>
/// <param name="Message">Why it stopped early; null when it completed.</param>
public sealed record TrainingResult(
    TrainingStatus Status,
    IReadOnlyList<EpochMetrics> Epochs,
    int? BestEpoch,
    IReadOnlyList<string> Checkpoints,
    long Parameters,
    string? Message)
{
    /// <summary>The validation loss of <see cref="BestEpoch"/>; null when none.</summary>
    public double? BestValLoss => BestEpoch is { } best ? Epochs.First(e => e.Epoch == best).ValLoss : null;

    /// <summary>The epoch with the lowest validation loss (the earliest on ties); null for an empty list.</summary>
    public static int? PickBestEpoch(IEnumerable<EpochMetrics> epochs) =>
        epochs.OrderBy(e => e.ValLoss).ThenBy(e => e.Epoch).FirstOrDefault()?.Epoch;
}
