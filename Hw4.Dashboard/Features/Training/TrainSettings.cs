using System.ComponentModel.DataAnnotations;
using Hw4.Ml.Devices;
using Hw4.Ml.Models;
using Hw4.Ml.Training;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// The fields a user may set for a training run, with their limits: the Train page's form model and what the JSON API
/// fills from its body, so both accept exactly the same requests. Messages name the field and the allowed range. The
/// defaults are the homework's recipe (the CLI's too): 15 epochs, batch 64, Adam 1e-4, seed 0.
/// </summary>
public sealed class TrainSettings
{
    private static readonly TrainerOptions Recipe = new();

    /// <summary>Network to train.</summary>
    public ModelKind Model { get; set; } = Recipe.Model;

    /// <summary>Epochs.</summary>
    [Range(1, TrainerOptions.MaxEpochs, ErrorMessage = "Epochs must be between {1} and {2}.")]
    public int Epochs { get; set; } = Recipe.Epochs;

    /// <summary>Batch size.</summary>
    [Range(1, TrainerOptions.MaxBatchSize, ErrorMessage = "Batch size must be between {1} and {2}.")]
    public int BatchSize { get; set; } = Recipe.BatchSize;

    /// <summary>Adam learning rate.</summary>
    [Range(1e-8, 10.0, ErrorMessage = "Learning rate must be positive (between 1e-8 and 10).")]
    public double LearningRate { get; set; } = Recipe.LearningRate;

    /// <summary>Seed for weights, shuffling and augmentation.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Seed must be zero or positive.")]
    public int Seed { get; set; } = (int)Recipe.Seed;

    /// <summary>Random flips, affine and colour jitter on training images.</summary>
    public bool Augment { get; set; } = Recipe.Augment;

    /// <summary>Use only this many training images (quick runs); empty for all.</summary>
    [Range(1, 50_000, ErrorMessage = "Limit must be between 1 and 50000, or empty for all images.")]
    public int? Limit { get; set; }

    /// <summary>Training images held out for validation; empty for the trainer's default (5000). Not on the page; the API sets it.</summary>
    [Range(1, 25_000, ErrorMessage = "Validation size must be between 1 and 25000, or empty for the default.")]
    public int? ValidationSize { get; set; }

    /// <summary>The problems of these values, each naming its property; empty when they are valid.</summary>
    public IReadOnlyList<ValidationResult> Validate()
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(this, new ValidationContext(this), results, validateAllProperties: true);
        return results;
    }

    /// <summary>
    /// The trainer's options for these values on <paramref name="device"/>, reporting every batch (the notifier
    /// throttles what reaches browsers, and the per-batch chart needs the points). Call after <see cref="Validate"/>.
    /// </summary>
    public TrainerOptions ToOptions(DeviceOption device)
    {
        var options = Recipe with
        {
            Model = Model,
            Epochs = Epochs,
            BatchSize = BatchSize,
            LearningRate = LearningRate,
            Seed = Seed,
            Augment = Augment,
            Limit = Limit,
            Device = device,
            ProgressEveryBatches = 1,
        };
        return ValidationSize is { } size ? options with { ValidationSize = size } : options;
    }
}
