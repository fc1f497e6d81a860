using Hw4.Dashboard.Features.Charts;
using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using PlotlyLayout = Plotly.Blazor.Layout;
using Plotly.Blazor.ConfigLib;
using Plotly.Blazor.LayoutLib;
using Plotly.Blazor.Traces;
using Plotly.Blazor.Traces.ScatterLib;

namespace Hw4.Dashboard.Components.Charts;

/// <summary>
/// A Plotly line chart over a <see cref="LiveChartModel"/>: hover values, zoom and PNG download come from Plotly's
/// modebar. <see cref="RefreshAsync"/> appends new points with <c>extendTraces</c>, so the user's zoom survives live
/// updates; a redraw keeps it too through a fixed <c>uirevision</c>.
/// </summary>
public sealed partial class LineChart
{
    private static long _nextId;

    private bool _ready;

    /// <summary>The data.</summary>
    [Parameter, EditorRequired]
    public LiveChartModel Model { get; set; } = default!;

    /// <summary>Chart title.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>X axis title.</summary>
    [Parameter]
    public string? XTitle { get; set; }

    /// <summary>Y axis title.</summary>
    [Parameter]
    public string? YTitle { get; set; }

    /// <summary>Logarithmic y axis.</summary>
    [Parameter]
    public bool LogY { get; set; }

    /// <summary>Height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 340;

    /// <summary>File name (without extension) for the PNG download.</summary>
    [Parameter]
    public string DownloadName { get; set; } = "chart";

    /// <summary>Dark theme on (cascaded by the layout): axis text and grid switch to light colours.</summary>
    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    private bool? _appliedDarkMode;

    private PlotlyChart? Chart { get; set; }

    private string ChartId { get; } = $"chart-{Interlocked.Increment(ref _nextId)}";

    private string HostStyle => $"min-height:{Height}px";

    private Config PlotConfig { get; set; } = new();

    private PlotlyLayout PlotLayout { get; set; } = new();

    private IList<ITrace> PlotData { get; set; } = [];

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        PlotConfig = new Config
        {
            Responsive = true,
            DisplayLogo = false,
            DisplayModeBar = DisplayModeBarEnum.True,
            ToImageButtonOptions = new { filename = DownloadName, format = "png", scale = 2 },
        };
        PlotLayout = new PlotlyLayout
        {
            // Left-aligned so the title never sits under the modebar, which floats at the top right.
            Title = Title is null ? null : new Title { Text = Title, X = 0, XRef = Plotly.Blazor.LayoutLib.TitleLib.XRefEnum.Paper, XAnchor = Plotly.Blazor.LayoutLib.TitleLib.XAnchorEnum.Left },
            Height = Height,
            UiRevision = "keep",
            HoverMode = HoverModeEnum.X,
            Margin = new Margin { L = 56, R = 16, T = Title is null ? 24 : 48, B = 48 },
            XAxis = [new XAxis { Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = XTitle } }],
            YAxis = [new YAxis { Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = YTitle }, Type = LogY ? Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log : null }],
            PaperBgColor = "rgba(0,0,0,0)",
            PlotBgColor = "rgba(0,0,0,0)",
        };
        PlotData = Model.Series.Select(ToTrace).Cast<ITrace>().ToList();
        ApplyTheme();
        Model.Invalidate();
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (_appliedDarkMode == DarkMode)
            return;
        ApplyTheme();
        if (_ready && Chart is not null)
            await Chart.Relayout();
    }

    private void ApplyTheme()
    {
        _appliedDarkMode = DarkMode;
        var text = DarkMode ? "#e0e0e0" : "#444444";
        var grid = DarkMode ? "#555555" : "#e5e5e5";
        PlotLayout.Font = new Plotly.Blazor.LayoutLib.Font { Color = text };
        PlotLayout.XAxis[0].GridColor = grid;
        PlotLayout.YAxis[0].GridColor = grid;
    }

    /// <summary>Sends the model's new points to the browser (append, or a downsampled redraw).</summary>
    public async Task RefreshAsync()
    {
        if (!_ready || Chart is null)
            return;
        var update = Model.TakeUpdate();
        if (update.IsEmpty)
            return;

        if (update.Redraw)
        {
            for (var i = 0; i < update.Traces.Count; i++)
            {
                var trace = (Scatter)PlotData[update.Traces[i]];
                trace.X = update.X[i].Cast<object>().ToList();
                trace.Y = update.Y[i].Cast<object>().ToList();
            }

            await Chart.React();
            return;
        }

        await Chart.ExtendTraces(
            update.X.Select(a => a.Cast<object>()),
            update.Y.Select(a => a.Cast<object>()),
            update.Traces);
    }

    private void OnChartRendered()
    {
        _ready = true;
        Model.Invalidate();
        _ = InvokeAsync(RefreshAsync);
    }

    private static Scatter ToTrace(ChartSeries s) => new()
    {
        Name = s.Name,
        Mode = s.Markers ? ModeFlag.Lines | ModeFlag.Markers : ModeFlag.Lines,
        Opacity = (decimal)s.Opacity,
        ShowLegend = s.ShowLegend,
        Line = new Line { Color = s.Color, Dash = s.Dashed ? "dash" : null },
        X = new List<object>(),
        Y = new List<object>(),
    };
}
