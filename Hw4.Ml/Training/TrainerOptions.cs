using Hw4.Ml.Devices;
using Hw4.Ml.Models;

namespace Hw4.Ml.Training;

/// <summary>The recipe of one training run; the defaults are the seed homework's (Adam 1e-4, batch 64, 15 epochs).</summary>
public sealed record TrainerOptions
{
    /// <summary>Which network to train.</summary>
    public ModelKind Model { get; init; } = ModelKind.Cnn;

    /// <summary>Number of epochs.</summary>
    public int Epochs { get; init; } = 15;

    /// <summary>Training batch size.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-4;

    /// <summary>Seeds model initialisation, the split, every epoch's shuffle and augmentation.</summary>
    public long Seed { get; init; }

    /// <summary>Whether the training batches go through the standard augmentation.</summary>
    public bool Augment { get; init; } = true;

    /// <summary>Train on at most this many training images (validation and test stay whole); null: all.</summary>
    public int? Limit { get; init; }

    /// <summary>Images held out of the training split for validation.</summary>
    public int ValidationSize { get; init; } = 5000;

    /// <summary>LibTorch intra-op threads; null: one per core.</summary>
    public int? Threads { get; init; }

    /// <summary>Where tensors live.</summary>
    public DeviceOption Device { get; init; } = DeviceOption.Auto;

    /// <summary>Raise a progress event every this many batches (and at the last batch of an epoch).</summary>
    public int ProgressEveryBatches { get; init; } = 20;

    /// <summary>Batch size for validation and test passes (no gradients, so larger is cheaper).</summary>
    public int EvalBatchSize { get; init; } = 256;

    /// <summary>Throws <see cref="ArgumentException"/> with a one-line reason when a value is out of range.</summary>
    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"epochs must be at least 1 (got {Epochs}).");
        if (BatchSize < 1) throw new ArgumentException($"batch size must be at least 1 (got {BatchSize}).");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"learning rate must be a positive number (got {LearningRate}).");
        if (Limit is < 1) throw new ArgumentException($"limit must be at least 1 (got {Limit}).");
        if (ValidationSize < 1) throw new ArgumentException($"validation size must be at least 1 (got {ValidationSize}).");
        if (Threads is < 1) throw new ArgumentException($"threads must be at least 1 (got {Threads}).");
        if (ProgressEveryBatches < 1) throw new ArgumentException($"progress interval must be at least 1 batch (got {ProgressEveryBatches}).");
        if (EvalBatchSize < 1) throw new ArgumentException($"evaluation batch size must be at least 1 (got {EvalBatchSize}).");
    }
}
