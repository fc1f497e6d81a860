using System.ComponentModel.DataAnnotations;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Models;

namespace Hw4.Dashboard.Components.Pages.Train;

/// <summary>The Train form's fields with their limits; messages name the field and the allowed range.</summary>
public sealed class TrainForm
{
    /// <summary>Network to train.</summary>
    public ModelKind Model { get; set; } = ModelKind.Cnn;

    /// <summary>Epochs.</summary>
    [Range(1, 1000, ErrorMessage = "Epochs must be between 1 and 1000.")]
    public int Epochs { get; set; } = 10;

    /// <summary>Batch size.</summary>
    [Range(1, 4096, ErrorMessage = "Batch size must be between 1 and 4096.")]
    public int BatchSize { get; set; } = 64;

    /// <summary>Adam learning rate.</summary>
    [Range(1e-8, 10.0, ErrorMessage = "Learning rate must be positive (between 1e-8 and 10).")]
    public double LearningRate { get; set; } = 1e-4;

    /// <summary>Seed for weights, shuffling and augmentation.</summary>
    [Range(0, int.MaxValue, ErrorMessage = "Seed must be zero or positive.")]
    public int Seed { get; set; } = 42;

    /// <summary>Random flips, affine and colour jitter on training images.</summary>
    public bool Augment { get; set; } = true;

    /// <summary>Use only this many training images (quick runs); empty for all.</summary>
    [Range(1, 50_000, ErrorMessage = "Limit must be between 1 and 50000, or empty for all images.")]
    public int? Limit { get; set; }

    /// <summary>Training images held out for validation; empty for the trainer's default (5000). Not on the page; the API sets it.</summary>
    [Range(1, 25_000, ErrorMessage = "Validation size must be between 1 and 25000, or empty for the default.")]
    public int? ValidationSize { get; set; }

    /// <summary>The request this form describes (call after validation).</summary>
    public TrainRequest ToRequest() => new(Model, Epochs, BatchSize, LearningRate, Seed, Augment, Limit, ValidationSize);
}
