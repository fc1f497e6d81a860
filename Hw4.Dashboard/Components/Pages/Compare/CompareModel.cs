using Hw4.Dashboard.Features.Charts;
using Hw4.Dashboard.Features.Runs.Store;

namespace Hw4.Dashboard.Components.Pages.Compare;

/// <summary>The compare view of some runs: a val (solid) and train (dashed) trace per run, and one summary row each.</summary>
public sealed record CompareModel(string Key, LiveChartModel Chart, IReadOnlyList<CompareRow> Rows)
{
    private static readonly string[] Palette = ["#3f51b5", "#e91e63", "#4caf50", "#ff9800", "#9c27b0", "#00bcd4", "#795548", "#607d8b"];

    /// <summary>Builds the chart data and rows.</summary>
    public static CompareModel Create(IReadOnlyList<RunRecord> runs)
    {
        var series = runs.SelectMany((r, i) => new[]
        {
            new ChartSeries($"{r.Id} val", Palette[i % Palette.Length], Markers: true),
            new ChartSeries($"{r.Id} train", Palette[i % Palette.Length], Opacity: 0.6, Dashed: true),
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
            r.Id, r.Model, r.EpochsDone, r.BestValLoss, r.BestEpoch, r.TestAccuracy,
            r.Epochs.Where(e => e.ImagesPerSecond is > 0).Select(e => e.ImagesPerSecond!.Value).DefaultIfEmpty().Average() is var m && m > 0 ? m : null)).ToList();
        return new CompareModel(string.Join("|", runs.Select(r => r.Id)), chart, rows);
    }
}
