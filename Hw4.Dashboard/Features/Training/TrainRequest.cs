using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// A validated request to train one model (what the Train form and the <c>/api/runs</c> endpoint both produce).
/// <paramref name="ValidationSize"/> null keeps the trainer's default hold-out (5,000 images).
/// </summary>
public sealed record TrainRequest(ModelKind Model, int Epochs, int BatchSize, double LearningRate, int Seed, bool Augment, int? Limit, int? ValidationSize = null);
