using Hw4.Ml.Data;

namespace Hw4.Ml.Training;

/// <summary>The three splits a run uses, and where they came from (recorded in run.json).</summary>
/// <param name="Train">Training split (before any limit).</param>
/// <param name="Validation">Validation split (picks the best epoch).</param>
/// <param name="Test">Test split (evaluated once, on the best checkpoint).</param>
/// <param name="DatasetHash">Content hash of the source dataset.</param>
/// <param name="DatasetSource">Path or description of the source.</param>
public sealed record TrainingData(ImageSet Train, ImageSet Validation, ImageSet Test, string? DatasetHash, string? DatasetSource);
