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
    private BarChartData? _drawn;
    private bool? _appliedDarkMode;
    private bool _ready;

    /// <summary>The bars.</summary>
    [Parameter, EditorRequired]
    public BarChartData Data { get; set; } = default!;

    /// <summary>Chart title.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>Y axis title.</summary>
    [Parameter]
    public string? YTitle { get; set; }

    /// <summary>Height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 320;

    /// <summary>File name (without extension) for the PNG download.</summary>
    [Parameter]
    public string DownloadName { get; set; } = "bars";

    /// <summary>Dark theme on (cascaded by the layout).</summary>
    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    /// <summary>The traces sent to Plotly (public so tests can read what the browser gets).</summary>
    public IReadOnlyList<Bar> Traces { get; private set; } = [];

    private PlotlyChart? Chart { get; set; }

    private string ChartId { get; } = $"bars-{Guid.NewGuid():N}";

    private string HostStyle => $"min-height:{Height}px";

    private Plotly.Blazor.Config PlotConfig { get; set; } = new();

    private PlotlyLayout PlotLayout { get; set; } = new();

    // One list for the chart's lifetime: the PlotlyChart holds it, so React() sends what was put in it.
    private List<ITrace> PlotData { get; } = [];

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        PlotConfig = PlotlyDefaults.Config(DownloadName);
        PlotLayout = PlotlyDefaults.Layout(Title, Height, null, YTitle, bottomMargin: 72);
        PlotLayout.BarMode = Plotly.Blazor.LayoutLib.BarModeEnum.Group;
        PlotLayout.XAxis[0].TickAngle = -30;
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_drawn, Data) && _appliedDarkMode == DarkMode)
            return;
        _drawn = Data;
        _appliedDarkMode = DarkMode;
        PlotlyDefaults.ApplyTheme(PlotLayout, DarkMode);
        PlotLayout.YAxis[0].TickFormat = Data.Percent ? ".0%" : null;
        PlotLayout.ShowLegend = Data.Series.Count > 1;
        Traces = Data.Series.Select(s => ToTrace(Data, s)).ToList();
        PlotData.Clear();
        foreach (var trace in Traces)
            PlotData.Add(trace);
        if (_ready && Chart is not null)
        {
            await Chart.React();
        }
    }

    private void OnChartRendered() => _ready = true;

    private static Bar ToTrace(BarChartData data, BarSeries series) => new()
    {
        Name = series.Name,
        X = data.Categories.Cast<object>().ToList(),
        Y = series.Values.Cast<object>().ToList(),
        TextArray = series.Labels?.ToList(),
        TextPosition = Plotly.Blazor.Traces.BarLib.TextPositionEnum.Auto,
        HoverTemplate = data.Percent ? "%{x}: %{y:.1%}<extra>%{fullData.name}</extra>" : "%{x}: %{y}<extra>%{fullData.name}</extra>",
        Marker = new Plotly.Blazor.Traces.BarLib.Marker { Color = series.Color },
    };
}
