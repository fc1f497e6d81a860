namespace Hw4.Ml.Evaluation;

/// <summary>The test-split evaluation of one checkpoint (evaluation.json): numbers and strings only.</summary>
/// <param name="Checkpoint">The model file evaluated.</param>
/// <param name="Epoch">Its epoch (0 when unknown).</param>
/// <param name="Images">Test images evaluated.</param>
/// <param name="Accuracy">Overall accuracy (trace / N).</param>
/// <param name="PerClassAccuracy">Accuracy per class name.</param>
/// <param name="Classes">Class names in label order (the matrix's row and column order).</param>
/// <param name="ConfusionMatrix">Counts, rows = true class.</param>
/// <param name="ConfusionMatrixNormalized">Each row divided by its total.</param>
/// <param name="WorstClass">Class with the lowest accuracy.</param>
/// <param name="MostConfusedWith">The class the worst class is most often predicted as; null when never wrong.</param>
/// <param name="Examples">Up to 10 test images of that confusion.</param>
/// <param name="ImagesPerSecond">Evaluation throughput.</param>
public sealed record EvaluationSummary(
    string Checkpoint,
    int Epoch,
    int Images,
    double Accuracy,
    IReadOnlyDictionary<string, double> PerClassAccuracy,
    IReadOnlyList<string> Classes,
    long[][] ConfusionMatrix,
    double[][] ConfusionMatrixNormalized,
    string WorstClass,
    string? MostConfusedWith,
    IReadOnlyList<ConfusionExample> Examples,
    double ImagesPerSecond);
