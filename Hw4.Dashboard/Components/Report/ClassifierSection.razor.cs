using System.Globalization;
using Hw4.Dashboard.Features.Models;
using Hw4.Dashboard.Features.Report;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Report;

/// <summary>2: the data each run used, the augmentation, both networks, each model's part, the two models compared (with McNemar's test) and the curves.</summary>
public sealed partial class ClassifierSection
{
    /// <summary>The report.</summary>
    [Parameter, EditorRequired]
    public HomeworkReport Report { get; set; } = default!;

    private IReadOnlyList<TrainingReportRun> Trained => [.. new[] { Report.Cnn, Report.Residual }.OfType<TrainingReportRun>()];

    private ReportFigure LossFigure => ReportFigures.TrainingLoss(Trained);

    private ReportFigure AccuracyFigure => ReportFigures.ValidationAccuracy(Trained);

    private ReportFigure? PerClassFigure => Trained.Any(r => r.Run.Evaluation is not null) ? ReportFigures.PerClass(Trained) : null;

    // Each run's own numbers: two runs can use different limits or validation sizes.
    private IEnumerable<string> DatasetLines => Trained.Select(t =>
    {
        var r = t.Run.Run;
        return string.Create(CultureInfo.InvariantCulture,
            $"{ModelDisplayName.Of(r.TrainingConfig().Model)} run {r.Id}: {r.DatasetSource ?? "(unknown dataset)"}, {ReportText.Count(r.TrainImages)} training images, {ReportText.Count(r.ValidationImages)} validation images (split off the training set, seed {r.TrainingConfig().Seed}), {ReportText.Count(r.TestImages)} test images.");
    });

    private IReadOnlyList<(string Figure, string Cnn, string Residual, string Difference)> Comparison
    {
        get
        {
            if (Report.Cnn?.Run.Evaluation is not { } c || Report.Residual?.Run.Evaluation is not { } r)
                return [];
            var rows = new List<(string, string, string, string)>
            {
                ("Test accuracy, chosen runs", ReportText.Percent(c.Accuracy), ReportText.Percent(r.Accuracy), ReportText.Points(r.Accuracy - c.Accuracy)),
            };
            if (Report.Cnn.Group is { } cg && Report.Residual.Group is { } rg && (cg.Members.Count > 1 || rg.Members.Count > 1))
                rows.Add(($"Test accuracy over seeds ({cg.Members.Count} and {rg.Members.Count} runs), mean ± std", ReportText.MeanStd(cg.Spread.Accuracy),
                    ReportText.MeanStd(rg.Spread.Accuracy), ReportText.Points(rg.Spread.Accuracy.Mean - cg.Spread.Accuracy.Mean)));
            rows.Add(("Test accuracy, the seed homework", ReportText.SeedPercent(SeedFigures.Accuracy(Hw4.Ml.Models.ModelKind.Cnn)),
                ReportText.SeedPercent(SeedFigures.Accuracy(Hw4.Ml.Models.ModelKind.Residual)),
                ReportText.Points(SeedFigures.Accuracy(Hw4.Ml.Models.ModelKind.Residual) - SeedFigures.Accuracy(Hw4.Ml.Models.ModelKind.Cnn))));
            rows.Add(("Parameters", ReportText.Count(Report.CnnSummary.TotalParameters), ReportText.Count(Report.ResidualSummary.TotalParameters),
                (Report.ResidualSummary.TotalParameters - Report.CnnSummary.TotalParameters).ToString("+#,0;-#,0", CultureInfo.InvariantCulture)));
            return rows;
        }
    }

    private static string DataUri(byte[] png) => "data:image/png;base64," + Convert.ToBase64String(png);
}
