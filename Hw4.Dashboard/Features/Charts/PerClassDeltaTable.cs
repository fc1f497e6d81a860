namespace Hw4.Dashboard.Features.Charts;

/// <summary>
/// Per-class accuracy of several runs against the first one: a row per class (the union of the runs' classes, in the
/// first run's order), the baseline accuracy and each later run's delta. Also shapes the deltas as grouped bars.
/// </summary>
/// <param name="BaselineRun">The first run's id.</param>
/// <param name="OtherRuns">The other runs' ids, in selection order (one delta column each).</param>
/// <param name="Rows">One row per class.</param>
public sealed record PerClassDeltaTable(string BaselineRun, IReadOnlyList<string> OtherRuns, IReadOnlyList<PerClassDeltaRow> Rows)
{
    /// <summary>
    /// Builds the table from (run id, per-class accuracy or null) in selection order; null when fewer than two runs
    /// are given or none has per-class accuracy.
    /// </summary>
    public static PerClassDeltaTable? Create(IReadOnlyList<(string RunId, IReadOnlyDictionary<string, double>? PerClass)> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Count < 2 || runs.All(r => r.PerClass is null))
            return null;
        var classes = runs.SelectMany(r => r.PerClass?.Keys ?? Enumerable.Empty<string>()).Distinct().ToList();
        var baseline = runs[0].PerClass;
        var rows = classes.Select(c =>
        {
            double? b = baseline is not null && baseline.TryGetValue(c, out var v) ? v : null;
            var deltas = runs.Skip(1).Select(r => b is { } bv && r.PerClass is not null && r.PerClass.TryGetValue(c, out var a) ? a - bv : (double?)null).ToList();
            return new PerClassDeltaRow(c, b, deltas);
        }).ToList();
        return new PerClassDeltaTable(runs[0].RunId, runs.Skip(1).Select(r => r.RunId).ToList(), rows);
    }

    /// <summary>
    /// The deltas as grouped bars: one series per later run, in percentage points (unknown deltas draw as 0), each bar
    /// green when the run did better than the baseline and red when worse, as the table beside them.
    /// </summary>
    public BarChartData ToBars() => new(
        Rows.Select(r => r.Class).ToList(),
        OtherRuns.Select((id, i) =>
        {
            var values = Rows.Select(r => r.Deltas[i] ?? 0).ToList();
            // Bars in percentage points, as the table beside them and the labels on them read.
            return new BarSeries($"{id} − {BaselineRun}", values.Select(v => v * 100).ToList(), ChartPalette.Color(i + 1), values.Select(ConfusionHeatmap.FormatPoints).ToList(),
                ColorBySign: true);
        }).ToList(),
        Percent: false);
}
