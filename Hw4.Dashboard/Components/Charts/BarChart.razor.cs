using Hw4.Dashboard.Features.Charts;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using Plotly.Blazor.Traces;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace Hw4.Dashboard.Components.Charts;

/// <summary>
/// A grouped Plotly bar chart of <see cref="BarChartData"/>, with each bar's label on it and hover, zoom and PNG
/// download in the modebar. A new <see cref="Data"/> instance redraws the chart.
/// </summary>
public sealed partial class BarChart
{
    /// <summary>Y axis title.</summary>
    [Parameter]
    public string? YTitle { get; set; }

    /// <summary>The traces sent to Plotly (public so tests can read what the browser gets).</summary>
    public IReadOnlyList<Bar> Traces { get; private set; } = [];

    /// <inheritdoc />
    protected override PlotlyLayout CreateLayout() => LayoutFor(Title, Height, YTitle);

    /// <summary>The layout of a bar chart (the page's chart and the homework report's share it).</summary>
    public static PlotlyLayout LayoutFor(string? title, int height, string? yTitle)
    {
        var layout = PlotlyDefaults.Layout(title, height, null, yTitle, bottomMargin: 72);
        layout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
        layout.XAxis[0].TickAngle = -30;
        return layout;
    }

    /// <inheritdoc />
    protected override IEnumerable<ITrace> Draw(BarChartData data)
    {
        Traces = Draw(PlotLayout, data, DarkMode);
        return Traces;
    }

    /// <summary>
    /// Sets <paramref name="layout"/>'s axis format and legend for <paramref name="data"/> and returns its traces (the
    /// page's chart and the homework report's share it; the report prints light).
    /// </summary>
    public static IReadOnlyList<Bar> Draw(PlotlyLayout layout, BarChartData data, bool darkMode = false)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(data);
        layout.YAxis[0].TickFormat = data.Percent ? ".0%" : null;
        layout.ShowLegend = data.Series.Count > 1;
        // Series coloured by sign share their colours, so several of them are told apart by a hatch.
        var bySign = data.Series.Count(s => s.ColorBySign) > 1;
        return [.. data.Series.Select((s, i) => ToTrace(data, s, bySign ? i : null, darkMode))];
    }

    /// <summary>The bar colours of a series coloured by sign, in this theme: green above 0, red below, grey at 0.</summary>
    public static IReadOnlyList<string> SignColors(IEnumerable<double> values, bool darkMode)
    {
        var palette = darkMode ? (MudBlazor.Palette)Layout.Hw4Theme.Theme.PaletteDark : Layout.Hw4Theme.Theme.PaletteLight;
        var (up, down) = (palette.Success.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex), palette.Error.ToString(MudBlazor.Utilities.MudColorOutputFormats.Hex));
        return [.. values.Select(v => v > 0 ? up : v < 0 ? down : "#9e9e9e")];
    }

    private static readonly Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum[] Hatches =
    [
        Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.Empty,
        Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.Slash,
        Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.Dot,
        Plotly.Blazor.Traces.BarLib.MarkerLib.PatternLib.ShapeEnum.X,
    ];

    private static Bar ToTrace(BarChartData data, BarSeries series, int? hatch, bool darkMode) => new()
    {
        Name = series.Name,
        X = data.Categories.Cast<object>().ToList(),
        Y = series.Values.Cast<object>().ToList(),
        TextArray = series.Labels?.ToList(),
        TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Auto,
        HoverTemplate = data.Percent ? "%{x}: %{y:.1%}<extra>%{fullData.name}</extra>" : "%{x}: %{y}<extra>%{fullData.name}</extra>",
        Marker = series.ColorBySign
            ? new Plotly.Blazor.Traces.BarLib.Marker
            {
                ColorArray = [.. SignColors(series.Values, darkMode)],
                Pattern = hatch is { } h ? new Plotly.Blazor.Traces.BarLib.MarkerLib.Pattern { Shape = Hatches[h % Hatches.Length] } : null,
            }
            : new Plotly.Blazor.Traces.BarLib.Marker { Color = series.Color },
    };

    // The figure's caption, read by screen readers in place of the plot: its title, then what it shows.
    private string SummaryText => $"{Title ?? "Chart"}. {Hw4.Dashboard.Features.Charts.ChartSummary.Of(Data)}";
}
