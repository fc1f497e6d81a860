namespace Hw4.Ml.Data;

/// <summary>The official training set divided into the images to train on and the held-out validation images.</summary>
/// <param name="Train">Images to train on (45,000 for CIFAR-10 with the default 5,000 validation images).</param>
/// <param name="Validation">Held-out images for model selection.</param>
/// <param name="TrainIndices">Index into the original set of each training image.</param>
/// <param name="ValidationIndices">Index into the original set of each validation image.</param>
public sealed record TrainValidationSplit(
    ImageSet Train,
    ImageSet Validation,
    IReadOnlyList<int> TrainIndices,
    IReadOnlyList<int> ValidationIndices);
