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
    private HeatmapData? _drawn;
    private bool? _appliedDarkMode;
    private bool _ready;

    /// <summary>The cells.</summary>
    [Parameter, EditorRequired]
    public HeatmapData Data { get; set; } = default!;

    /// <summary>Chart title.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>Height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 460;

    /// <summary>File name (without extension) for the PNG download.</summary>
    [Parameter]
    public string DownloadName { get; set; } = "heatmap";

    /// <summary>Dark theme on (cascaded by the layout).</summary>
    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    /// <summary>The trace sent to Plotly (public so tests can read what the browser gets).</summary>
    public HeatMap Trace { get; private set; } = new();

    private PlotlyChart? Chart { get; set; }

    private string ChartId { get; } = $"heatmap-{Guid.NewGuid():N}";

    private string HostStyle => $"min-height:{Height}px";

    private Plotly.Blazor.Config PlotConfig { get; set; } = new();

    private PlotlyLayout PlotLayout { get; set; } = new();

    // One list for the chart's lifetime: the PlotlyChart holds it, so React() sends what was put in it.
    private List<ITrace> PlotData { get; } = [];

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        PlotConfig = PlotlyDefaults.Config(DownloadName);
        PlotLayout = PlotlyDefaults.Layout(Title, Height, Data.XTitle, Data.YTitle, leftMargin: 96, bottomMargin: 88);
        // Row 0 at the top, as a confusion matrix is read; square cells.
        PlotLayout.YAxis[0].AutoRange = Plotly.Blazor.LayoutLib.YAxisLib.AutoRangeEnum.Reversed;
        PlotLayout.XAxis[0].TickAngle = -45;
        PlotLayout.XAxis[0].Side = Plotly.Blazor.LayoutLib.XAxisLib.SideEnum.Bottom;
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_drawn, Data) && _appliedDarkMode == DarkMode)
            return;
        _drawn = Data;
        _appliedDarkMode = DarkMode;
        PlotlyDefaults.ApplyTheme(PlotLayout, DarkMode);
        PlotLayout.XAxis[0].Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = Data.XTitle };
        PlotLayout.YAxis[0].Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = Data.YTitle };
        Trace = ToTrace(Data);
        PlotData.Clear();
        PlotData.Add(Trace);
        if (_ready && Chart is not null)
        {
            await Chart.React();
        }
    }

    private static readonly object[][] SequentialScale = [[0, "#ffffff"], [0.5, "#6baed6"], [1, "#08306b"]];

    private static readonly object[][] DivergingScale = [[0, "#2166ac"], [0.5, "#ffffff"], [1, "#b2182b"]];

    private void OnChartRendered() => _ready = true;

    private static HeatMap ToTrace(HeatmapData data) => new()
    {
        X = data.X.Cast<object>().ToList(),
        Y = data.Y.Cast<object>().ToList(),
        Z = data.Z.Select(row => (object)row).ToList(),
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
        // No colour: Plotly then picks black or white per cell for contrast with its fill, in either theme.
        TextFont = new Plotly.Blazor.Traces.HeatMapLib.TextFont { Size = 10 },
    };
}
