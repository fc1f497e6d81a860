using Hw4.Ml.Devices;
using Hw4.Ml.Models;

namespace Hw4.Ml.Training;

/// <summary>The recipe of one training run; the defaults are the seed homework's (Adam 1e-4, batch 64, 15 epochs).</summary>
public sealed record TrainerOptions
{
    /// <summary>The most epochs a run may ask for.</summary>
    public const int MaxEpochs = 1000;

    /// <summary>The largest training or evaluation batch (a 4096-image CIFAR batch is 50 MB of floats).</summary>
    public const int MaxBatchSize = 4096;

    /// <summary>The most LibTorch threads a run may ask for.</summary>
    public const int MaxThreads = 256;

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

    /// <summary>
    /// Throws <see cref="ArgumentException"/> with a one-line reason when a value is out of range. The upper bounds keep
    /// a request read back from a run folder (which anyone may have edited) within what a machine can allocate.
    /// </summary>
    public void Validate()
    {
        if (!Enum.IsDefined(Model)) throw new ArgumentException($"model {(int)Model} is not a model this version knows.");
        if (!Enum.IsDefined(Device)) throw new ArgumentException($"device {(int)Device} is not auto, cpu or cuda.");
        if (Epochs is < 1 or > MaxEpochs) throw new ArgumentException($"epochs must be between 1 and {MaxEpochs} (got {Epochs}).");
        if (BatchSize is < 1 or > MaxBatchSize) throw new ArgumentException($"batch size must be between 1 and {MaxBatchSize} (got {BatchSize}).");
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate)) throw new ArgumentException($"learning rate must be a positive number (got {LearningRate}).");
        if (Limit is < 1) throw new ArgumentException($"limit must be at least 1 (got {Limit}).");
        if (ValidationSize < 1) throw new ArgumentException($"validation size must be at least 1 (got {ValidationSize}).");
        if (Threads is < 1 or > MaxThreads) throw new ArgumentException($"threads must be between 1 and {MaxThreads} (got {Threads}).");
        if (ProgressEveryBatches < 1) throw new ArgumentException($"progress interval must be at least 1 batch (got {ProgressEveryBatches}).");
        if (EvalBatchSize is < 1 or > MaxBatchSize) throw new ArgumentException($"evaluation batch size must be between 1 and {MaxBatchSize} (got {EvalBatchSize}).");
    }
}
