namespace Hw4.Ml.Evaluation;

/// <summary>
/// The evaluated checkpoint's label per test image (predictions.json), in test-set order: what a paired comparison of
/// two runs on the same test set (McNemar) needs, and what the confusion matrix alone does not keep.
/// </summary>
/// <param name="Epoch">The epoch evaluated.</param>
/// <param name="Truth">True label per test image.</param>
/// <param name="Predicted">Predicted label per test image.</param>
public sealed record TestPredictions(int Epoch, int[] Truth, int[] Predicted)
{
    /// <summary>Whether image <paramref name="i"/> was classified correctly.</summary>
    public bool IsCorrect(int i) => Truth[i] == Predicted[i];
}
