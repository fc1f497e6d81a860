namespace Hw4.Ml.Evaluation;

/// <summary>One test image of the worst confusion, saved as an upscaled PNG.</summary>
/// <param name="Index">Index of the image in the test split.</param>
/// <param name="TrueClass">Its true class name.</param>
/// <param name="PredictedClass">The class the model chose.</param>
/// <param name="Probability">Softmax probability of the predicted class.</param>
/// <param name="File">PNG path relative to the run directory (e.g. <c>examples/…png</c>); null when not written.</param>
public sealed record ConfusionExample(int Index, string TrueClass, string PredictedClass, double Probability, string? File);
