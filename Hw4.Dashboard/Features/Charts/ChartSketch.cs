using System.Globalization;
using System.Text;

namespace Hw4.Dashboard.Features.Charts;

/// <summary>One trace of a <see cref="ChartSketch"/>: an SVG path in the sketch's 0–1000 square (y down).</summary>
public sealed record SketchTrace(string Name, string Color, double Opacity, string PathData, int Points);

/// <summary>An axis tick of a <see cref="ChartSketch"/>, at <paramref name="Percent"/> of the plot area from its left (x) or bottom (y).</summary>
public sealed record SketchTick(double Percent, string Label);

/// <summary>
/// A line chart drawn on the server, as plain SVG in the page's HTML: what a finished run's page shows before its
/// interactive chart (Plotly, which needs the circuit and a 1.4 MB script) has drawn. Same data, same colours and axes as
/// that chart, min/max-downsampled to <see cref="Columns"/> columns; the plot area scales to the page's width (the
/// path's coordinates are in a 0–1000 square drawn with <c>preserveAspectRatio="none"</c>).
/// </summary>
public sealed record ChartSketch(string Title, string? XTitle, string? YTitle, IReadOnlyList<SketchTrace> Traces,
    IReadOnlyList<SketchTick> XTicks, IReadOnlyList<SketchTick> YTicks, string Summary)
{
    /// <summary>The columns a sketch's traces are downsampled to: about a desktop chart's width in pixels.</summary>
    public const int Columns = 600;

    /// <summary>The side of the square the path coordinates are in.</summary>
    public const int Extent = 1000;

    /// <summary>
    /// The sketch of <paramref name="model"/>'s traces, or null when it holds fewer than two points or no finite value
    /// (nothing worth drawing ahead of the chart).
    /// </summary>
    /// <param name="xTickStep">Integer x ticks this many units apart (epochs: never a 1.5 tick), as the chart's own
    /// <c>XTickStep</c>; null for round ticks.</param>
    public static ChartSketch? Of(LiveChartModel model, string title, string? xTitle, string? yTitle, int columns = Columns, int? xTickStep = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        var traces = Enumerable.Range(0, model.Series.Count)
            .Select(i => (Series: model.Series[i], Points: Finite(model.Points(i), model.Series[i].Smooth, columns)))
            .Where(t => t.Points.X.Length >= 2)
            .ToList();
        if (traces.Count == 0)
            return null;

        var (x0, x1) = Range(traces.SelectMany(t => t.Points.X));
        var (y0, y1) = Range(traces.SelectMany(t => t.Points.Y));
        // The axes span the data, as Plotly's autorange does for lines; ticks fall inside.
        var yTicks = NiceTicks(y0, y1).Where(t => t >= y0 && t <= y1).ToList();
        var xTicks = (xTickStep is { } step ? IntegerTicks(x0, x1, step) : NiceTicks(x0, x1)).Where(t => t >= x0 && t <= x1).ToList();

        return new ChartSketch(
            title,
            xTitle,
            yTitle,
            traces.Select(t => new SketchTrace(t.Series.Name, t.Series.Color ?? "currentColor", t.Series.Opacity, Path(t.Points, x0, x1, y0, y1), t.Points.X.Length)).ToList(),
            xTicks.Select(t => new SketchTick(Percent(t, x0, x1), Label(t))).ToList(),
            yTicks.Select(t => new SketchTick(Percent(t, y0, y1), Label(t))).ToList(),
            ChartSummary.Of(model, xTitle));
    }

    // The trace's finite points, downsampled for drawing (a raw trace keeps each column's min and max: spikes show).
    private static (double[] X, double[] Y) Finite((double[] X, double[] Y) points, bool smooth, int columns)
    {
        var keep = Enumerable.Range(0, points.X.Length).Where(i => double.IsFinite(points.X[i]) && double.IsFinite(points.Y[i])).ToArray();
        var x = keep.Select(i => points.X[i]).ToArray();
        var y = keep.Select(i => points.Y[i]).ToArray();
        return MinMaxDownsampler.Downsample(x, y, smooth ? columns : 2 * columns, smooth);
    }

    private static (double Low, double High) Range(IEnumerable<double> values)
    {
        var (low, high) = (double.PositiveInfinity, double.NegativeInfinity);
        foreach (var v in values)
            (low, high) = (Math.Min(low, v), Math.Max(high, v));
        return high > low ? (low, high) : (low - 0.5, high + 0.5);
    }

    /// <summary>About five round tick values (1, 2 or 5 × a power of ten apart) from at or below <paramref name="low"/> to at or above <paramref name="high"/>.</summary>
    public static IReadOnlyList<double> NiceTicks(double low, double high, int target = 5)
    {
        if (!(high > low) || !double.IsFinite(low) || !double.IsFinite(high))
            throw new ArgumentOutOfRangeException(nameof(high), $"The range [{low}, {high}] has no width.");
        var rough = (high - low) / target;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1.0, 2.0, 5.0, 10.0 }.Select(m => m * power).First(s => s >= rough * 0.75);
        var first = Math.Floor(low / step);
        var last = Math.Ceiling(high / step);
        // Multiples of the step, rounded to its precision (0.1 × 3 is 0.30000000000000004).
        var digits = Math.Max(0, -(int)Math.Floor(Math.Log10(step)));
        return Enumerable.Range(0, (int)(last - first) + 1).Select(k => Math.Round((first + k) * step, Math.Min(digits, 15))).ToList();
    }

    // The multiples of step (at least 1) from low to high.
    private static IEnumerable<double> IntegerTicks(double low, double high, int step)
    {
        step = Math.Max(1, step);
        for (var t = Math.Ceiling(low / step) * step; t <= high; t += step)
            yield return t;
    }

    private static double Percent(double v, double low, double high) => Math.Round(100 * (v - low) / (high - low), 3);

    // Plotly's tick format: 2000 is "2k", 0.5 is "0.5".
    private static string Label(double v) => Math.Abs(v) >= 1000
        ? (v / 1000).ToString("G6", CultureInfo.InvariantCulture) + "k"
        : v.ToString("G6", CultureInfo.InvariantCulture);

    private static string Path((double[] X, double[] Y) points, double x0, double x1, double y0, double y1)
    {
        var text = new StringBuilder(points.X.Length * 12);
        for (var i = 0; i < points.X.Length; i++)
        {
            var x = Extent * (points.X[i] - x0) / (x1 - x0);
            var y = Extent * (1 - (points.Y[i] - y0) / (y1 - y0));
            text.Append(i == 0 ? 'M' : 'L').Append(x.ToString("0.#", CultureInfo.InvariantCulture)).Append(' ').Append(y.ToString("0.#", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }
}
