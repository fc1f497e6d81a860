using System.Globalization;
using Hw4.Dashboard.Features.Charts;
using Hw4.Dashboard.Features.Runs.Files;
using Hw4.Ml.Evaluation;

namespace Hw4.Dashboard.Features.Runs.Detail;

/// <summary>
/// The evaluation section of a run page, shaped from evaluation.json: the overall accuracy, per-class bars, the
/// confusion heatmap, the worst class and the class it is most confused with, and the gallery of those images.
/// </summary>
/// <param name="Accuracy">Overall test accuracy.</param>
/// <param name="Images">Test images evaluated.</param>
/// <param name="Epoch">The checkpoint's epoch.</param>
/// <param name="PerClass">Per-class accuracy bars.</param>
/// <param name="Confusion">The confusion heatmap (counts and row fractions).</param>
/// <param name="WorstClass">The class with the lowest accuracy.</param>
/// <param name="WorstAccuracy">Its accuracy.</param>
/// <param name="Partner">The class it is most often predicted as, or null.</param>
/// <param name="PartnerFraction">The fraction of the worst class's images predicted as the partner.</param>
/// <param name="Examples">The confused images with captions.</param>
public sealed record EvaluationView(
    double Accuracy,
    int Images,
    int Epoch,
    BarChartData PerClass,
    HeatmapData Confusion,
    string WorstClass,
    double WorstAccuracy,
    string? Partner,
    double? PartnerFraction,
    IReadOnlyList<ExampleImage> Examples)
{
    /// <summary>Shapes <paramref name="summary"/> of run <paramref name="runId"/>.</summary>
    public static EvaluationView Create(string runId, EvaluationSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var classes = summary.Classes;
        var worst = Array.IndexOf(classes.ToArray(), summary.WorstClass);
        var partner = summary.MostConfusedWith is { } p ? Array.IndexOf(classes.ToArray(), p) : -1;
        double? partnerFraction = worst >= 0 && partner >= 0 && summary.ConfusionMatrixNormalized.Length > worst
            ? summary.ConfusionMatrixNormalized[worst][partner]
            : null;
        var examples = summary.Examples.Where(e => e.File is not null).Select(e => new ExampleImage(
            RunFileEndpoints.Url(runId, e.File!),
            string.Create(CultureInfo.InvariantCulture, $"true {e.TrueClass} → pred {e.PredictedClass} ({e.Probability:0.0%})"),
            e.Index)).ToList();
        return new EvaluationView(
            summary.Accuracy,
            summary.Images,
            summary.Epoch,
            BarChartData.PerClassAccuracy(classes, summary.PerClassAccuracy),
            ConfusionHeatmap.Counts(classes, summary.ConfusionMatrix),
            summary.WorstClass,
            summary.PerClassAccuracy.TryGetValue(summary.WorstClass, out var w) ? w : 0,
            summary.MostConfusedWith,
            partnerFraction,
            examples);
    }
}
