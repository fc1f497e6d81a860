using Hw4.Ml.Models;

namespace Hw4.Dashboard.Features.Training;

/// <summary>A validated request to train one model (what the Train form and the CLI both produce).</summary>
public sealed record TrainRequest(ModelKind Model, int Epochs, int BatchSize, double LearningRate, int Seed, bool Augment, int? Limit);
