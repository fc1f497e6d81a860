using System.Globalization;
using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Features.Charts;
using Hw4.Dashboard.Features.Models;
using Hw4.Ml.Models;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using PlotlyLayout = Plotly.Blazor.Layout;
using Hw4.Dashboard.Features.Report;

namespace Hw4.Dashboard.Components.Report;

/// <summary>
/// The homework report's charts, built with the dashboard's own chart code (<see cref="PlotlyDefaults"/>, the
/// <see cref="Heatmap"/>, <see cref="BarChart"/> and <see cref="LineChart"/> traces, <see cref="ConfusionHeatmap"/>)
/// and written as Plotly JSON that the report's script draws, so a chart looks the same on a page and in a report.
/// Every curve has every recorded point, and each x axis spans the whole run.
/// </summary>
public static class ReportFigures
{
    private const int LineHeight = 300;

    /// <summary>dz/dx at the drawn points against cos x (1.1).</summary>
    public static ReportFigure Taylor(HomeworkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var t = report.Taylor;
        var grads = Line(new ChartSeries("dz/dx (autograd)", ChartPalette.Color(0), Markers: true), t.PointXs, t.PointGrads);
        grads.Mode = Plotly.Blazor.Traces.ScatterLib.ModeFlag.Markers;
        var cos = Line(new ChartSeries("cos x", ChartPalette.Color(1)), t.PointXs, t.PointXs.Select(Math.Cos).ToList());
        var layout = Layout($"dz/dx over {t.Points} points against cos x", "x", "value");
        return Figure("chart-taylor", layout, [grads, cos], $"{t.Points} autograd derivatives lie on cos x from {t.PointXs[0]:0.00} to {t.PointXs[^1]:0.00}.");
    }

    /// <summary>The largest error against the number of terms, log scale (1.1).</summary>
    public static ReportFigure Terms(HomeworkReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var e = report.TermErrors;
        var trace = Line(new ChartSeries("max error", ChartPalette.Color(0), Markers: true), e.Select(x => (double)x.Terms).ToList(), e.Select(x => x.MaxAbsError).ToList());
        var layout = Layout("max |dz/dx − cos x| against the number of terms", "terms", "max error");
        layout.YAxis[0].Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log;
        layout.XAxis[0].DTick = 1;
        return Figure("chart-terms", layout, [trace],
            string.Create(CultureInfo.InvariantCulture, $"The error falls from {e[0].MaxAbsError:0.###E+0} with {e[0].Terms} term to {e[^1].MaxAbsError:0.###E+0} with {e[^1].Terms}."));
    }

    /// <summary>Loss (log scale) or PSNR per step of the denoising runs, every recorded step (1.2).</summary>
    public static ReportFigure Denoise(IReadOnlyList<DenoiseReportRun> runs, bool psnr)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var traces = new List<ITrace>();
        for (var i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            var steps = psnr ? run.Steps.Where(s => s.Psnr is { } p && double.IsFinite(p)).ToList() : run.Steps.Where(s => double.IsFinite(s.Loss)).ToList();
            traces.Add(Line(new ChartSeries(ReportParts.Label(run.Part), ChartPalette.Color(i), Dashed: run.Part is ReportPart.SeedL1 or ReportPart.SeedL2),
                steps.Select(s => (double)s.Step).ToList(), steps.Select(s => psnr ? s.Psnr!.Value : s.Loss).ToList()));
        }

        var layout = Layout(psnr ? "PSNR per step (dB)" : "Loss per step", "step", psnr ? "PSNR (dB)" : "loss");
        if (!psnr)
            layout.YAxis[0].Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log;
        // The whole run on the x axis, from the start to its last step.
        var last = runs.Select(r => r.Options.Steps).DefaultIfEmpty(1).Max();
        layout.XAxis[0].Range = [0, last];
        return Figure(psnr ? "chart-denoise-psnr" : "chart-denoise-loss", layout, traces,
            string.Join("; ", runs.Select(r => $"{ReportParts.Label(r.Part)}: {r.Steps.Count} steps recorded, {ReportText.DenoiseOutcome(r)}")) + ".");
    }

    /// <summary>Validation (solid) and training (dashed) loss per epoch of the training runs (2).</summary>
    public static ReportFigure TrainingLoss(IReadOnlyList<TrainingReportRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var traces = new List<ITrace>();
        for (var i = 0; i < runs.Count; i++)
        {
            var r = runs[i].Run;
            var name = ModelDisplayName.Of(r.Run.TrainingConfig().Model);
            var epochs = r.Epochs.Select(e => (double)e.Epoch).ToList();
            traces.Add(Line(new ChartSeries($"{name} val", ChartPalette.Color(i), Markers: true), epochs, r.Epochs.Select(e => e.ValLoss).ToList()));
            traces.Add(Line(new ChartSeries($"{name} train", ChartPalette.Color(i), Opacity: 0.6, Dashed: true), epochs, r.Epochs.Select(e => e.TrainLoss).ToList()));
        }

        var layout = Layout("Loss per epoch (solid: validation, dashed: training)", "epoch", "loss");
        EpochAxis(layout, runs);
        return Figure("chart-loss", layout, traces, string.Join("; ", runs.Select(r =>
            string.Create(CultureInfo.InvariantCulture, $"{ModelDisplayName.Of(r.Run.Run.TrainingConfig().Model)}: validation loss {r.Run.Epochs[0].ValLoss:0.000} at epoch 1, lowest at epoch {r.Run.BestEpoch}"))) + ".");
    }

    /// <summary>Validation accuracy per epoch (2).</summary>
    public static ReportFigure ValidationAccuracy(IReadOnlyList<TrainingReportRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var traces = runs.Select((run, i) => (ITrace)Line(new ChartSeries(ModelDisplayName.Of(run.Run.Run.TrainingConfig().Model), ChartPalette.Color(i), Markers: true),
            run.Run.Epochs.Select(e => (double)e.Epoch).ToList(), run.Run.Epochs.Select(e => e.ValAccuracy).ToList())).ToList();
        var layout = Layout("Validation accuracy per epoch", "epoch", "accuracy");
        layout.YAxis[0].TickFormat = ".0%";
        EpochAxis(layout, runs);
        return Figure("chart-accuracy", layout, traces, string.Join("; ", runs.Select(r =>
            $"{ModelDisplayName.Of(r.Run.Run.TrainingConfig().Model)}: {ReportText.Percent(r.Run.Epochs.Max(e => e.ValAccuracy))} at best")) + ".");
    }

    /// <summary>Per-class test accuracy of each model beside the seed's (2).</summary>
    public static ReportFigure PerClass(IReadOnlyList<TrainingReportRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var classes = runs.First(r => r.Run.Evaluation is not null).Run.Evaluation!.Classes;
        var series = runs.Where(r => r.Run.Evaluation is not null).Select((r, i) =>
        {
            var values = classes.Select(c => r.Run.Evaluation!.PerClassAccuracy.GetValueOrDefault(c)).ToList();
            return new BarSeries(ModelDisplayName.Of(r.Run.Run.TrainingConfig().Model), values, ChartPalette.Color(i));
        }).ToList();
        series.Add(new BarSeries("seed (CNN)", classes.Select(c => SeedFigures.ClassAccuracy(c) ?? 0).ToList(), "#9e9e9e"));
        var data = new BarChartData(classes, series, Percent: true);
        var layout = BarChart.LayoutFor("Test accuracy per class", 380, "accuracy");
        var traces = BarChart.Draw(layout, data);
        Finish(layout, legendBelow: true);
        return Figure("chart-per-class", layout, [.. traces], ChartSummary.Of(data));
    }

    /// <summary>A run's confusion matrix as the run page draws it: counts and row fractions, coloured by fraction (2).</summary>
    public static ReportFigure Confusion(TrainingReportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var e = run.Run.Evaluation ?? throw new ArgumentException("the run has no evaluation.", nameof(run));
        var data = ConfusionHeatmap.Counts(e.Classes, e.ConfusionMatrix);
        var model = ModelFactory.Name(run.Run.Run.TrainingConfig().Model);
        var layout = Heatmap.LayoutFor($"{ModelDisplayName.Of(run.Run.Run.TrainingConfig().Model)}: confusion matrix (epoch {e.Epoch}, rows true)", 520, data);
        PlotlyDefaults.ApplyTheme(layout, darkMode: false);
        return Figure($"chart-confusion-{model}", layout, [Heatmap.ToTrace(data)],
            $"Rows are true classes, columns predicted; the diagonal holds {ReportText.Count(Enumerable.Range(0, e.Classes.Count).Sum(i => e.ConfusionMatrix[i][i]))} of {ReportText.Count(e.Images)} images.");
    }

    private static void EpochAxis(PlotlyLayout layout, IReadOnlyList<TrainingReportRun> runs)
    {
        var last = runs.Select(r => r.Run.Epochs.Count == 0 ? 1 : r.Run.Epochs.Max(e => e.Epoch)).DefaultIfEmpty(1).Max();
        layout.XAxis[0].Range = [0.5, last + 0.5];
        layout.XAxis[0].DTick = last > 20 ? null : 1;
    }

    private static Scatter Line(ChartSeries series, IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        var trace = LineChart.ToTrace(series);
        trace.X = x.Cast<object>().ToList();
        trace.Y = y.Cast<object>().ToList();
        return trace;
    }

    private static PlotlyLayout Layout(string title, string xTitle, string yTitle)
    {
        var layout = PlotlyDefaults.Layout(title, LineHeight, xTitle, yTitle);
        Finish(layout, legendBelow: true);
        return layout;
    }

    private static void Finish(PlotlyLayout layout, bool legendBelow)
    {
        PlotlyDefaults.ApplyTheme(layout, darkMode: false);
        if (legendBelow)
        {
            PlotlyDefaults.LegendBelow(layout, -0.3m);
            layout.Margin!.B = 84;
        }
    }

    private static ReportFigure Figure(string id, PlotlyLayout layout, IReadOnlyList<ITrace> traces, string summary)
    {
        var title = layout.Title?.Text ?? id;
        var json = PlotlyJson.Figure(traces, layout);
        return new ReportFigure(id, title, (int)(layout.Height ?? LineHeight), json, summary);
    }
}
