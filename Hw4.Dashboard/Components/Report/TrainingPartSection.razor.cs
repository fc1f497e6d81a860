using System.Globalization;
using Hw4.Dashboard.Arguments;
using Hw4.Dashboard.Features.Models;
using Hw4.Dashboard.Features.Report;
using Hw4.Ml.Evaluation;
using Hw4.Ml.Models;
using Hw4.Ml.Recipes;
using Hw4.Ml.Training;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Report;

/// <summary>
/// One model's part of 2: the chosen run and how it departs from the recipe, its figures beside the seed's (test
/// accuracy, chosen epoch, per class, the worst class's confusions), the confusion heatmap and matrix, the confused
/// images, and its seed group.
/// </summary>
public sealed partial class TrainingPartSection
{
    /// <summary>The report.</summary>
    [Parameter, EditorRequired]
    public HomeworkReport Report { get; set; } = default!;

    /// <summary>The model.</summary>
    [Parameter, EditorRequired]
    public ModelKind Model { get; set; }

    private TrainingReportRun? Run => Report.Training(Model);

    private string Key => ModelFactory.Name(Model);

    private string Name => ModelDisplayName.Of(Model);

    private TrainerOptions Config => Run!.Run.Run.TrainingConfig();

    private EvaluationSummary? Evaluation => Run?.Run.Evaluation;

    private EpochMetrics? Best => Run?.Run.Epochs.FirstOrDefault(e => e.Epoch == Run.Run.BestEpoch);

    private double SeedAccuracy => SeedFigures.Accuracy(Model);

    // The seed reported per-class figures for its CNN only.
    private bool ShowSeedPerClass => Model == ModelKind.Cnn;

    private string ChosenEpoch => Run?.Run.BestEpoch is { } e
        ? string.Create(CultureInfo.InvariantCulture, $"{e} ({SeedFigures.ChosenEpoch})")
        : "–";

    private string ValLoss => Best is { } b ? b.ValLoss.ToString("0.0000", CultureInfo.InvariantCulture) : "–";

    private string AccuracyDifference => Evaluation is { } e ? ReportText.Points(e.Accuracy - SeedAccuracy) : "–";

    private string RecipeCommand => new TrainArguments().Format(HomeworkRecipe.Training(Model), Report.Dataset).ToString();

    private ReportFigure ConfusionFigure => ReportFigures.Confusion(Run!);

    private IEnumerable<(string Class, string Ours, string Seed, string Difference)> PerClass => Evaluation!.Classes.Select(c =>
    {
        var ours = Evaluation.PerClassAccuracy.GetValueOrDefault(c);
        var seed = ShowSeedPerClass ? SeedFigures.ClassAccuracy(c) : null;
        return (c, ReportText.Percent(ours), ReportText.SeedPercent(seed), seed is { } s ? ReportText.Points(ours - s) : "–");
    });

    private string WorstText
    {
        get
        {
            var e = Evaluation!;
            var text = $"Worst class: {e.WorstClass}, {ReportText.Percent(e.PerClassAccuracy.GetValueOrDefault(e.WorstClass))} right";
            if (ShowSeedPerClass && SeedFigures.ClassAccuracy(e.WorstClass) is { } seed)
                text += $" (the seed's {e.WorstClass}: {ReportText.SeedPercent(seed)})";
            if (e.MostConfusedWith is { } partner && ReportReading.Confusion(e, e.WorstClass, partner) is { } share)
            {
                text += $"; most often taken for {partner}: {ReportText.Percent(share)} of its test images";
                if (ShowSeedPerClass && SeedFigures.Confusion(e.WorstClass, partner) is { } seedShare)
                    text += $" (the seed's: {ReportText.SeedPercent(seedShare)})";
                if (ReportReading.Confusion(e, partner, e.WorstClass) is { } back)
                    text += $", and {partner} taken for {e.WorstClass}: {ReportText.Percent(back)}"
                        + (ShowSeedPerClass && SeedFigures.Confusion(partner, e.WorstClass) is { } seedBack ? $" (the seed's: {ReportText.SeedPercent(seedBack)})" : "");
            }

            return text + ".";
        }
    }

    private static string Caption(ConfusionExample example) => string.Create(CultureInfo.InvariantCulture,
        $"#{example.Index}: {example.TrueClass} taken for {example.PredictedClass} (p {example.Probability:0.000})");

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
