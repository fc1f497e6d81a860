using Hw4.Dashboard.Features.Charts;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace Hw4.Dashboard.Components.Charts;

/// <summary>
/// A Plotly heatmap of <see cref="HeatmapData"/> (e.g. a confusion matrix): category labels on both axes, the first
/// row at the top, each cell's text drawn in the cell and in the hover. Hover, zoom and PNG download come from the
/// modebar. A new <see cref="Data"/> instance redraws the chart.
/// </summary>
public sealed partial class Heatmap
{
    /// <summary>The trace sent to Plotly (public so tests can read what the browser gets).</summary>
    public HeatMap Trace { get; private set; } = new();

    /// <summary>A heatmap is square-ish and labelled on both axes, so it defaults taller than the other charts.</summary>
    public Heatmap() => Height = 460;

    /// <inheritdoc />
    protected override PlotlyLayout CreateLayout() => LayoutFor(Title, Height, Data);

    /// <summary>The layout of a heatmap of <paramref name="data"/> (the page's chart and the homework report's share it).</summary>
    public static PlotlyLayout LayoutFor(string? title, int height, HeatmapData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var layout = PlotlyDefaults.Layout(title, height, data.XTitle, data.YTitle, leftMargin: 96, bottomMargin: 88);
        // Row 0 at the top, as a confusion matrix is read. Labels are categories, every cell the same size: numbers
        // such as learning rates 0.01…0.9 would otherwise be placed by value, their cells slivers under each other's labels.
        layout.YAxis[0].AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed;
        layout.XAxis[0].Type = Plotly.Blazor.LayoutLib.XAxisLib.TypeEnum.Category;
        layout.YAxis[0].Type = Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Category;
        layout.XAxis[0].TickAngle = -45;
        layout.XAxis[0].Side = Plotly.Blazor.LayoutLib.XAxisLib.SideEnum.Bottom;
        return layout;
    }

    /// <inheritdoc />
    protected override IEnumerable<ITrace> Draw(HeatmapData data)
    {
        PlotLayout.XAxis[0].Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = data.XTitle };
        PlotLayout.YAxis[0].Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = data.YTitle };
        Trace = ToTrace(data);
        if (data.Marked is { } marked && marked.Any(row => row.Any(m => m)))
        {
            MarkedTrace = ToMarkedTrace(data, marked);
            return [Trace, MarkedTrace];
        }

        MarkedTrace = null;
        return [Trace];
    }

    /// <summary>The cells outside the scale (diverged), drawn over the rest in their own colour; null when there are none.</summary>
    public HeatMap? MarkedTrace { get; private set; }

    // Only the marked cells (the others null, so transparent), one flat colour, their text white on it.
    private static HeatMap ToMarkedTrace(HeatmapData data, bool[][] marked) => new()
    {
        X = data.X.Cast<object>().ToList(),
        Y = data.Y.Cast<object>().ToList(),
        Z = marked.Select(row => (object)row.Select(m => m ? (object)1 : null).ToList()).ToList(),
        Text = data.CellText,
        TextTemplate = "%{text}",
        HoverTemplate = $"{data.YTitle} %{{y}}<br>{data.XTitle} %{{x}}<br>%{{text}}<extra></extra>",
        ZMin = 0,
        ZMax = 1,
        ColorScale = new object[][] { [0, data.MarkedColor], [1, data.MarkedColor] },
        ShowScale = false,
        XGap = 1,
        YGap = 1,
        TextFont = new Plotly.Blazor.Traces.HeatMapLib.TextFont { Size = 10, Color = "#ffffff" },
    };

    private static readonly object[][] SequentialScale = [[0, "#ffffff"], [0.5, "#6baed6"], [1, "#08306b"]];

    private static readonly object[][] DivergingScale = [[0, "#2166ac"], [0.5, "#ffffff"], [1, "#b2182b"]];

    /// <summary>The trace of <paramref name="data"/> (the page's chart and the homework report's share it).</summary>
    public static HeatMap ToTrace(HeatmapData data) => new()
    {
        X = data.X.Cast<object>().ToList(),
        Y = data.Y.Cast<object>().ToList(),
        // A blank or marked cell has no value on the scale: null, which Plotly leaves uncoloured.
        Z = data.Blank is null && data.Marked is null
            ? data.Z.Select(row => (object)row).ToList()
            : data.Z.Select((row, r) => (object)row.Select((v, c) => data.IsScaled(r, c) ? (object)v : null).ToList()).ToList(),
        Text = data.CellText,
        TextTemplate = "%{text}",
        HoverTemplate = $"{data.YTitle} %{{y}}<br>{data.XTitle} %{{x}}<br>%{{text}}<extra></extra>",
        ZMin = (decimal)data.ZMin,
        ZMax = (decimal)data.ZMax,
        ZMid = data.Diverging ? 0 : null,
        // Explicit scales: Plotly's named "Blues" and "RdBu" run dark-to-light and blue-to-red, the reverse of their names,
        // and RdBu's middle is grey. Here 0 is white; more is darker blue, a difference is blue (less) or red (more).
        ColorScale = data.Diverging ? DivergingScale : SequentialScale,
        XGap = 1,
        YGap = 1,
        ColorBar = data.ColorBarTitle is { } unit
            ? new Plotly.Blazor.Traces.HeatMapLib.ColorBar { Title = new Plotly.Blazor.Traces.HeatMapLib.ColorBarLib.Title { Text = unit } }
            : null,
        // No colour: Plotly then picks black or white per cell for contrast with its fill, in either theme.
        TextFont = new Plotly.Blazor.Traces.HeatMapLib.TextFont { Size = 10 },
    };

    /// <summary>Least width of a cell, in CSS pixels: room for "100%" or "+12.5" at the cells' font size.</summary>
    public const int MinCellWidth = 44;

    /// <summary>
    /// The least width of the chart when it has many columns (more than 6): margins, colour bar and
    /// <see cref="MinCellWidth"/> per column; null for a few columns, which fit a phone anyway.
    /// </summary>
    public int? MinWidth => Data.X.Count > 6 ? 96 + (Data.X.Count * MinCellWidth) + (Data.ColorBarTitle is null ? 80 : 96) + 16 : null;

    // The figure's caption, read by screen readers in place of the plot: its title, then what it shows.
    private string SummaryText => $"{Title ?? "Chart"}. {Hw4.Dashboard.Features.Charts.ChartSummary.Of(Data)}";
}
