namespace Hw4.Ml.Training;

/// <summary>
/// The non-tensor part of an end-of-epoch checkpoint (<c>state_&lt;epoch&gt;.json</c>): what resume needs beside the
/// model and optimizer files. Shuffle and augmentation generators are reseeded per epoch from <see cref="Seed"/>
/// (<see cref="SeedSequence"/>), so their state is the pair (seed, epoch); the global torch generator is kept as bytes
/// in case a model draws from it (dropout).
/// </summary>
/// <param name="Epoch">The last finished epoch.</param>
/// <param name="Seed">The run seed.</param>
/// <param name="GlobalStep">Optimizer steps taken so far.</param>
/// <param name="Model">The model kind, lower-case.</param>
/// <param name="BatchSize">Training batch size.</param>
/// <param name="LearningRate">Adam learning rate.</param>
/// <param name="TorchRngState">Base64 of the default torch generator state after the epoch.</param>
/// <param name="History">Figures of every epoch up to and including <paramref name="Epoch"/>.</param>
public sealed record TrainingCheckpoint(
    int Epoch,
    long Seed,
    long GlobalStep,
    string Model,
    int BatchSize,
    double LearningRate,
    string TorchRngState,
    IReadOnlyList<EpochMetrics> History);
