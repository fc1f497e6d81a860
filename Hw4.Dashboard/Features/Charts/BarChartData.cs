namespace Hw4.Dashboard.Features.Charts;

/// <summary>A grouped bar chart: categories along x, one bar per series in each.</summary>
/// <param name="Categories">The x categories.</param>
/// <param name="Series">The bar groups; each has one value per category.</param>
/// <param name="Percent">Values are fractions; the y axis shows them as percentages.</param>
public sealed record BarChartData(IReadOnlyList<string> Categories, IReadOnlyList<BarSeries> Series, bool Percent = false)
{
    /// <summary>Per-class accuracy bars of one run, with the percentage written on each bar.</summary>
    public static BarChartData PerClassAccuracy(IReadOnlyList<string> classes, IReadOnlyDictionary<string, double> accuracy, string name = "accuracy")
    {
        var values = classes.Select(c => accuracy.TryGetValue(c, out var a) ? a : 0).ToArray();
        var labels = values.Select(v => v.ToString("0.0%", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new BarChartData(classes, [new BarSeries(name, values, ChartPalette.Color(0), labels)], Percent: true);
    }
}
