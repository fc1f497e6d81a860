using Hw4.Ml.Lifecycle;

namespace Hw4.Ml.Training;

/// <summary>What a training loop produced.</summary>
/// <param name="Status">How it ended: completed, stopped, diverged or failed.</param>
/// <param name="Epochs">Figures of every epoch whose checkpoint was written, including those before a resume.</param>
/// <param name="Checkpoints">Model checkpoint files written by this run, in epoch order.</param>
/// <param name="Parameters">Trainable parameters of the model.</param>
/// <param name="Message">Why it stopped early (for failed, the real cause); null when it completed.</param>
public sealed record TrainingResult(
    RunStatus Status,
    IReadOnlyList<EpochMetrics> Epochs,
    IReadOnlyList<string> Checkpoints,
    long Parameters,
    string? Message)
{
    /// <summary>The best epoch by <see cref="BestEpoch"/>; null when no epoch has a finite validation loss.</summary>
    public EpochMetrics? Best => BestEpoch.Pick(Epochs);
}
