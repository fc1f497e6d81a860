using Hw4.Dashboard.Features.Charts;
using Hw4.Dashboard.Store;
using Hw4.Ml.Evaluation;
using Hw4.Dashboard.Features.Models;

namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>
/// The compare view of some runs, in selection order: a val (solid) and train (dashed) trace per run, one summary row
/// each, per-class accuracy deltas against the first run, and the confusion-matrix difference second − first.
/// </summary>
/// <param name="Key">Identifies the selection (charts are re-created when it changes).</param>
/// <param name="Chart">Per-epoch losses.</param>
/// <param name="Rows">One row per run.</param>
/// <param name="Deltas">Per-class accuracy deltas, or null when fewer than two runs have an evaluation.</param>
/// <param name="ConfusionDifference">Row-normalised confusion of the second run minus the first's, or null.</param>
/// <param name="DifferenceNote">Why there is no difference heatmap, when there is none and two runs are picked.</param>
public sealed record CompareModel(
    string Key,
    LiveChartModel Chart,
    IReadOnlyList<CompareRow> Rows,
    PerClassDeltaTable? Deltas,
    HeatmapData? ConfusionDifference,
    string? DifferenceNote)
{
    /// <summary>The settings the runs differ in (empty for fewer than two runs).</summary>
    public ConfigDiff Config { get; init; } = new([], []);

    /// <summary>The deltas as grouped bars (built once, so re-renders do not redraw the chart).</summary>
    public BarChartData? DeltaBars { get; } = Deltas?.ToBars();

    /// <summary>The first two runs, named for the difference heatmap's title.</summary>
    public string DifferenceTitle => Rows.Count >= 2 ? $"Confusion difference: {Rows[1].Name} − {Rows[0].Name} (row fractions, pp)" : "";

    /// <summary>Each run's smoothed loss per batch, on a common axis of epochs (runs with other batch sizes line up); null when no run has batches.</summary>
    public LiveChartModel? BatchChart { get; init; }

    /// <summary>The x tick step of the epoch axes: whole epochs, never 1.5.</summary>
    public int EpochTickStep => EpochTicks.Step(Rows.Select(r => r.Epochs).DefaultIfEmpty(1).Max());

    /// <summary>Builds the chart data, rows and evaluation comparisons; <paramref name="evaluations"/> may lack runs.</summary>
    public static CompareModel Create(
        IReadOnlyList<RunRow> runs,
        IReadOnlyDictionary<string, EvaluationSummary>? evaluations = null,
        IReadOnlyDictionary<string, IReadOnlyList<BatchLossPoint>>? batches = null)
    {
        evaluations ??= new Dictionary<string, EvaluationSummary>();
        var names = RunName.Distinct(runs.Select(r => (r.Id, Features.Runs.List.RunListFormat.Name(r))));
        var series = runs.SelectMany((r, i) => new[]
        {
            new ChartSeries($"{names[r.Id]} val", ChartPalette.Color(i), Markers: true),
            new ChartSeries($"{names[r.Id]} train", ChartPalette.Color(i), Opacity: 0.6, Dashed: true),
        }).ToList();
        var chart = new LiveChartModel(series);
        for (var i = 0; i < runs.Count; i++)
        {
            foreach (var e in runs[i].Epochs.OrderBy(e => e.Epoch))
            {
                if (e.ValLoss is { } v)
                    chart.Add(2 * i, e.Epoch, v);
                chart.Add(2 * i + 1, e.Epoch, e.TrainLoss);
            }
        }

        var rows = runs.Select(r => new CompareRow(
            r.Id, names[r.Id], r.Model, r.EpochsDone, r.BestValLoss, r.BestEpoch, r.TestAccuracy,
            r.Epochs.Where(e => e.ImagesPerSecond is > 0).Select(e => e.ImagesPerSecond!.Value).DefaultIfEmpty().Average() is var m && m > 0 ? m : null)).ToList();

        var deltas = PerClassDeltaTable.Create(runs
            .Select(r => (names[r.Id], evaluations.TryGetValue(r.Id, out var ev) ? ev.PerClassAccuracy : null))
            .ToList());

        HeatmapData? difference = null;
        string? note = null;
        if (runs.Count >= 2)
        {
            evaluations.TryGetValue(runs[0].Id, out var first);
            evaluations.TryGetValue(runs[1].Id, out var second);
            if (first is null || second is null)
                note = $"No confusion difference: {(first is null ? names[runs[0].Id] : names[runs[1].Id])} has no test evaluation yet.";
            else if (!first.Classes.SequenceEqual(second.Classes))
                note = "No confusion difference: the two runs' class lists differ.";
            else
                difference = ConfusionHeatmap.Difference(first.Classes, first.ConfusionMatrix, second.ConfusionMatrix);
        }

        return new CompareModel(string.Join("|", runs.Select(r => r.Id)), chart, rows, deltas, difference, note)
        {
            Config = runs.Count >= 2 ? ConfigDiff.Create(runs) : new ConfigDiff([], []),
            BatchChart = BatchCurves(runs, names, batches),
        };
    }

    // One smoothed trace per run (debiased EMA, β 0.9, as the run page's default), x in epochs: the raw batches of a
    // few runs overlaid are noise on noise.
    private static LiveChartModel? BatchCurves(
        IReadOnlyList<RunRow> runs, IReadOnlyDictionary<string, string> names, IReadOnlyDictionary<string, IReadOnlyList<BatchLossPoint>>? batches)
    {
        if (batches is null || !runs.Any(r => batches.TryGetValue(r.Id, out var b) && b.Count > 0))
            return null;
        var chart = new LiveChartModel([.. runs.Select((r, i) => new ChartSeries(names[r.Id], ChartPalette.Color(i), Smooth: true))]);
        for (var i = 0; i < runs.Count; i++)
        {
            if (!batches.TryGetValue(runs[i].Id, out var points) || points.Count == 0)
                continue;
            var smooth = DebiasedEma.Smooth([.. points.Select(p => p.Loss)], BatchSmoothing);
            chart.Replace(i, [.. points.Select(p => p.X(ChartXAxis.Epoch))], smooth);
        }

        return chart;
    }

    /// <summary>The smoothing of the overlaid batch curves.</summary>
    public const double BatchSmoothing = 0.9;
}
