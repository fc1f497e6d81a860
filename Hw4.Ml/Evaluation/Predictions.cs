namespace Hw4.Ml.Evaluation;

/// <summary>A model's output on a labelled set, reduced to plain arrays.</summary>
/// <param name="Truth">True label per image.</param>
/// <param name="Predicted">Arg-max class per image.</param>
/// <param name="Probability">Softmax probability of the predicted class per image.</param>
/// <param name="Seconds">Wall time of the pass.</param>
public sealed record Predictions(int[] Truth, int[] Predicted, float[] Probability, double Seconds);
