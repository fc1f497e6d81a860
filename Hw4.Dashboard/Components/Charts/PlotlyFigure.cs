using Microsoft.AspNetCore.Components;
using Plotly.Blazor;
using PlotlyLayout = Plotly.Blazor.Layout;

namespace Hw4.Dashboard.Components.Charts;

/// <summary>
/// What the static (non-streaming) charts share: the common parameters, Plotly's config (hover, zoom, PNG download)
/// and theme, and a redraw only when a new <see cref="Data"/> instance or theme arrives. A subclass builds its layout
/// once and its traces per data.
/// </summary>
/// <typeparam name="TData">The chart's data, treated as immutable: pass a new instance to redraw.</typeparam>
public abstract class PlotlyFigure<TData> : ComponentBase
    where TData : class
{
    private TData? _drawn;
    private bool? _appliedDarkMode;
    private bool _ready;

    /// <summary>What to draw.</summary>
    [Parameter, EditorRequired]
    public TData Data { get; set; } = default!;

    /// <summary>Chart title.</summary>
    [Parameter]
    public string? Title { get; set; }

    /// <summary>Height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 320;

    /// <summary>File name (without extension) for the PNG download.</summary>
    [Parameter]
    public string DownloadName { get; set; } = "chart";

    /// <summary>Dark theme on (cascaded by the layout).</summary>
    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    /// <summary>The Plotly component, once rendered.</summary>
    protected PlotlyChart? Chart { get; set; }

    /// <summary>A page-unique element id.</summary>
    protected string ChartId { get; } = $"chart-{Guid.NewGuid():N}";

    /// <summary>Reserves the chart's height before Plotly draws.</summary>
    protected string HostStyle => $"min-height:{Height}px";

    /// <summary>Plotly's config.</summary>
    protected Plotly.Blazor.Config PlotConfig { get; private set; } = new();

    /// <summary>Plotly's layout.</summary>
    protected PlotlyLayout PlotLayout { get; private set; } = new();

    // One list for the chart's lifetime: the PlotlyChart holds it, so React() sends what was put in it.
    /// <summary>The traces the Plotly component holds.</summary>
    protected List<ITrace> PlotData { get; } = [];

    /// <summary>The layout, built once.</summary>
    protected abstract PlotlyLayout CreateLayout();

    /// <summary>Adjusts <see cref="PlotLayout"/> to <paramref name="data"/> and returns its traces.</summary>
    protected abstract IEnumerable<ITrace> Draw(TData data);

    /// <summary>Marks the chart ready for <c>React</c> updates (the markup's AfterRender callback).</summary>
    protected void OnChartRendered() => _ready = true;

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        PlotConfig = PlotlyDefaults.Config(DownloadName);
        PlotLayout = CreateLayout();
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (ReferenceEquals(_drawn, Data) && _appliedDarkMode == DarkMode)
            return;
        _drawn = Data;
        _appliedDarkMode = DarkMode;
        PlotlyDefaults.ApplyTheme(PlotLayout, DarkMode);
        PlotData.Clear();
        PlotData.AddRange(Draw(Data));
        if (_ready && Chart is not null)
            await Chart.React();
    }
}
