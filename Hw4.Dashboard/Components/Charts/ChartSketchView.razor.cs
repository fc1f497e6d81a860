using System.Globalization;
using Hw4.Dashboard.Features.Charts;
using Microsoft.AspNetCore.Components;

namespace Hw4.Dashboard.Components.Charts;

/// <summary>
/// A <see cref="ChartSketch"/> as HTML and SVG: drawn with the page's HTML (no script), so a finished run's main curve
/// shows before the circuit and Plotly start. The view that shows it replaces it with the interactive chart once that
/// has drawn.
/// </summary>
public sealed partial class ChartSketchView
{
    /// <summary>What to draw.</summary>
    [Parameter, EditorRequired]
    public ChartSketch Sketch { get; set; } = default!;

    /// <summary>Height in pixels (the interactive chart's).</summary>
    [Parameter]
    public int Height { get; set; } = 340;

    /// <summary>The legend in a row under the plot, as <c>LineChart</c>'s <c>LegendBelow</c> puts it.</summary>
    [Parameter]
    public bool LegendBelow { get; set; }

    /// <summary>The <c>LineChart.PredrawKey</c> of the chart this sketch stands for; null when it has none.</summary>
    [Parameter]
    public string? PredrawKey { get; set; }

    private string HostClass => LegendBelow ? "chart-host chart-sketch chart-sketch-legend-below" : "chart-host chart-sketch";

    private string HostStyle => $"height:{Height}px";

    private static string ViewBox => $"0 0 {ChartSketch.Extent} {ChartSketch.Extent}";

    private static string XTickStyle(SketchTick tick) => Css($"left:{tick.Percent}%");

    private static string YTickStyle(SketchTick tick) => Css($"bottom:{tick.Percent}%");

    private static string SwatchStyle(SketchTrace trace) => Css($"border-top-color:{trace.Color};opacity:{trace.Opacity}");

    private static string Opacity(SketchTrace trace) => trace.Opacity.ToString(CultureInfo.InvariantCulture);

    private static string Css(FormattableString style) => style.ToString(CultureInfo.InvariantCulture);
}
