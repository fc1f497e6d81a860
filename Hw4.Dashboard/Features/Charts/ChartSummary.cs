using System.Globalization;

namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// A chart's text alternative: what a person reading the chart would say about it, for screen readers (and anyone who
/// cannot see the plot). Each chart carries one as its figure caption.
/// </summary>
public static class ChartSummary
{
    /// <summary>For each series: its name, point count, the last point and the smallest value, e.g.
    /// <c>val loss: 15 points, last 0.812 at epoch 15, lowest 0.795 at epoch 14.</c></summary>
    public static string Of(LiveChartModel model, string? xTitle)
    {
        ArgumentNullException.ThrowIfNull(model);
        var x = xTitle ?? "x";
        var parts = new List<string>();
        for (var i = 0; i < model.Series.Count; i++)
        {
            var (xs, ys) = model.Points(i);
            var name = model.Series[i].Name;
            if (ys.Length == 0)
            {
                parts.Add($"{name}: no points yet.");
                continue;
            }

            var low = Array.IndexOf(ys, ys.Min());
            parts.Add($"{name}: {ys.Length.ToString("N0", CultureInfo.InvariantCulture)} points, last {Number(ys[^1])} at {x} {Number(xs[^1])}, lowest {Number(ys[low])} at {x} {Number(xs[low])}.");
        }

        return parts.Count == 0 ? "No data." : string.Join(" ", parts);
    }

    /// <summary>Each bar's value per series, e.g. <c>accuracy: airplane 62%, automobile 71%.</c></summary>
    public static string Of(BarChartData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return string.Join(" ", data.Series.Select(s =>
            $"{s.Name}: {string.Join(", ", data.Categories.Select((c, i) => $"{c} {(s.Labels is { } labels && i < labels.Count ? labels[i] : Value(s.Values[i], data.Percent))}"))}."));
    }

    /// <summary>The matrix's size and its largest cells, e.g. <c>10 × 10 cells (true by predicted); largest: cat → dog 25%, ….</c></summary>
    public static string Of(HeatmapData data, int largest = 3)
    {
        ArgumentNullException.ThrowIfNull(data);
        var cells = data.Z.SelectMany((row, r) => row.Select((v, c) => (r, c, v)))
            .OrderByDescending(cell => Math.Abs(cell.v)).Take(largest)
            .Select(cell => $"{data.YTitle} {data.Y[cell.r]}, {data.XTitle} {data.X[cell.c]}: {data.CellText[cell.r][cell.c].Replace("<br>", " ", StringComparison.Ordinal)}");
        return $"{data.Y.Count} × {data.X.Count} cells ({data.YTitle} by {data.XTitle}); largest: {string.Join("; ", cells)}.";
    }

    private static string Number(double value) => value.ToString("G4", CultureInfo.InvariantCulture);

    private static string Value(double value, bool percent) =>
        percent ? value.ToString("P0", CultureInfo.InvariantCulture) : Number(value);
}
