using System.Text.Encodings.Web;
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

    // The model the browser's traces were drawn from; another one (the view now follows another run) redraws from scratch.
    private LiveChartModel? _drawn;

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

    /// <summary>Logarithmic y axis (can change while shown).</summary>
    [Parameter]
    public bool LogY { get; set; }

    /// <summary>
    /// Integer x ticks every this many units (epochs: never a 1.5 tick); null lets Plotly choose. Can change while shown.
    /// </summary>
    [Parameter]
    public int? XTickStep { get; set; }

    private (bool LogY, int? XTickStep, string? XTitle)? _appliedAxes;

    /// <summary>The legend in rows under the plot instead of a column beside it: many or long series names would otherwise squeeze the plot on a phone.</summary>
    [Parameter]
    public bool LegendBelow { get; set; }

    /// <summary>Height in pixels.</summary>
    [Parameter]
    public int Height { get; set; } = 340;

    /// <summary>
    /// What the chart says while it has no point: said in place of axes, whose ranges (−1…6) would mean nothing yet.
    /// </summary>
    [Parameter]
    public string EmptyText { get; set; } = "No points yet.";

    /// <summary>The title of the right-hand y axis, for the series drawn against it (<see cref="ChartSeries.SecondAxis"/>).</summary>
    [Parameter]
    public string? Y2Title { get; set; }

    // True while the browser's chart shows the empty state (no axes, EmptyText).
    private bool _showsEmpty;

    // Which y axes have points (left, right): an axis without any is hidden, not drawn over a default range.
    private (bool Left, bool Right) _axesWithPoints;

    /// <summary>File name (without extension) for the PNG download.</summary>
    [Parameter]
    public string DownloadName { get; set; } = "chart";

    /// <summary>Dark theme on (cascaded by the layout): axis text and grid switch to light colours.</summary>
    [CascadingParameter(Name = "DarkMode")]
    public bool DarkMode { get; set; }

    private bool? _appliedDarkMode;

    private (double?, string?) _appliedMarker;

    /// <summary>An x value to mark with a vertical line (e.g. the best epoch); null for none.</summary>
    [Parameter]
    public double? MarkerX { get; set; }

    /// <summary>The label written at the top of the marker line.</summary>
    [Parameter]
    public string? MarkerText { get; set; }

    private PlotlyChart? Chart { get; set; }

    private string ChartId { get; } = $"chart-{Interlocked.Increment(ref _nextId)}";

    private string HostStyle => $"min-height:{Height}px";

    private Config PlotConfig { get; set; } = new();

    private PlotlyLayout PlotLayout { get; set; } = new();

    private IList<ITrace> PlotData { get; set; } = [];

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        PlotConfig = PlotlyDefaults.Config(DownloadName);
        PlotLayout = PlotlyDefaults.Layout(Title, Height, XTitle, YTitle);
        PlotLayout.HoverMode = HoverModeEnum.X;
        if (LegendBelow)
        {
            PlotlyDefaults.LegendBelow(PlotLayout, -LegendDrop(Height));
        }
        ApplyAxes();
        ApplyMarker();
        PlotData = Model.Series.Select(ToTrace).Cast<ITrace>().ToList();
        _drawn = Model;
        ApplyTheme();
        ApplyEmpty();
        // The points the model holds now go out with the chart's first draw (Plotly.newPlot), not in a redraw after it:
        // one draw and one message fewer before a big finished run's curve shows. Later points are appended once drawn.
        Model.Invalidate();
        Fill(Model.TakeUpdate());
    }

    // Puts a redraw's (downsampled) points into the traces the PlotlyChart holds.
    private void Fill(ChartUpdate update)
    {
        for (var i = 0; i < update.Traces.Count; i++)
        {
            var trace = (Scatter)PlotData[update.Traces[i]];
            trace.X = update.X[i].Cast<object>().ToList();
            trace.Y = update.Y[i].Cast<object>().ToList();
        }
    }

    /// <inheritdoc />
    protected override async Task OnParametersSetAsync()
    {
        if (!ReferenceEquals(_drawn, Model))
        {
            // Never extend the old model's traces with the new model's points: empty them (in the list the chart
            // holds), draw that, then draw the new model from its first point.
            PlotData.Clear();
            foreach (var trace in Model.Series.Select(ToTrace))
                PlotData.Add(trace);
            _drawn = Model;
            Model.Invalidate();
            if (_ready && Chart is not null)
            {
                await Chart.React();
                await RefreshAsync();
            }
        }

        var markerChanged = _appliedMarker != (MarkerX, MarkerText);
        var axesChanged = _appliedAxes != (LogY, XTickStep, XTitle);
        if (_appliedDarkMode == DarkMode && !markerChanged && !axesChanged)
            return;
        ApplyTheme();
        ApplyMarker();
        ApplyAxes();
        if (_ready && Chart is not null)
        {
            // Through react, not relayout: Plotly.relayout with the whole layout replaces the axes, and with them the
            // user's zoom (uirevision is honoured by react only), so a zoomed epoch chart jumped back to its full range
            // each time the best-epoch marker moved. React needs the traces' data: redraw them from the model.
            Model.Invalidate();
            await RefreshAsync();
        }
    }

    private void ApplyAxes()
    {
        _appliedAxes = (LogY, XTickStep, XTitle);
        var x = PlotLayout.XAxis[0];
        // A series of another order of magnitude (L2's loss beside L1's) gets the right-hand axis: on one axis the
        // smaller curve would be a flat line at the bottom.
        if (Model.Series.Any(s => s.SecondAxis) && PlotLayout.YAxis.Count == 1)
        {
            PlotLayout.YAxis.Add(new YAxis
            {
                Overlaying = "y",
                Side = Plotly.Blazor.LayoutLib.YAxisLib.SideEnum.Right,
                ShowGrid = false,
                Title = new Plotly.Blazor.LayoutLib.YAxisLib.Title { Text = Y2Title },
            });
            PlotLayout.Margin.R = 64;
        }

        foreach (var y in PlotLayout.YAxis)
        {
            y.Type = LogY ? Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Log : Plotly.Blazor.LayoutLib.YAxisLib.TypeEnum.Linear;
            // The zoom survives redraws (uirevision) but not a change of scale or of x quantity: its range would be in the
            // other axis's units. A per-axis uirevision that changes with them resets just that axis.
            y.UiRevision = LogY ? "log" : "linear";
        }

        x.UiRevision = XTitle ?? "";
        x.Title = new Plotly.Blazor.LayoutLib.XAxisLib.Title { Text = XTitle };
        if (XTickStep is { } step)
        {
            x.TickMode = Plotly.Blazor.LayoutLib.XAxisLib.TickModeEnum.Linear;
            x.Tick0 = 0;
            x.DTick = Math.Max(1, step);
            x.TickFormat = "d";
        }
        else
        {
            x.TickMode = null;
            x.Tick0 = null;
            x.DTick = null;
            x.TickFormat = null;
        }
    }

    private void ApplyTheme()
    {
        _appliedDarkMode = DarkMode;
        PlotlyDefaults.ApplyTheme(PlotLayout, DarkMode);
    }

    private static bool IsEmpty(LiveChartModel model) => Enumerable.Range(0, model.Series.Count).All(i => model.Count(i) == 0);

    private static (bool Left, bool Right) AxesWithPoints(LiveChartModel model) =>
        (Enumerable.Range(0, model.Series.Count).Any(i => !model.Series[i].SecondAxis && model.Count(i) > 0),
         Enumerable.Range(0, model.Series.Count).Any(i => model.Series[i].SecondAxis && model.Count(i) > 0));

    // No point yet: no axes (their default ranges would read as data), the empty text in the middle instead. With
    // points, a y axis that none of them is drawn against (L2 on the right, no L1 run yet) is hidden all the same.
    private void ApplyEmpty()
    {
        var empty = IsEmpty(Model);
        (_showsEmpty, _axesWithPoints) = (empty, AxesWithPoints(Model));
        foreach (var x in PlotLayout.XAxis)
            x.Visible = !empty;
        for (var i = 0; i < PlotLayout.YAxis.Count; i++)
            PlotLayout.YAxis[i].Visible = !empty && (i == 0 ? _axesWithPoints.Left || !Model.Series.Any(s => s.SecondAxis) : _axesWithPoints.Right);
        PlotLayout.ShowLegend = empty ? false : null;
        ApplyMarker();
    }

    private Annotation EmptyNote => new()
    {
        Text = EmptyText,
        ShowArrow = false,
        XRef = "paper",
        YRef = "paper",
        X = 0.5m,
        Y = 0.5m,
        Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Size = 14, Color = DarkMode ? "#bdbdbd" : "#616161" },
    };

    // The marker is a dotted vertical line across the plot with its label at the top (e.g. the best epoch), in the
    // theme's secondary text colour: not a status colour, and apart from every series.
    private void ApplyMarker()
    {
        _appliedMarker = (MarkerX, MarkerText);
        if (_showsEmpty || MarkerX is not { } x)
        {
            PlotLayout.Shapes = [];
            PlotLayout.Annotations = _showsEmpty ? [EmptyNote] : [];
            return;
        }

        var color = DarkMode ? "#bdbdbd" : "#616161";

        PlotLayout.Shapes =
        [
            new Shape
            {
                Type = Plotly.Blazor.LayoutLib.ShapeLib.TypeEnum.Line,
                X0 = x, X1 = x, Y0 = 0, Y1 = 1,
                YRef = "paper",
                Line = new Plotly.Blazor.LayoutLib.ShapeLib.Line { Color = color, Width = 2, Dash = "dot" },
            },
        ];
        PlotLayout.Annotations =
        [
            new Annotation
            {
                X = x, Y = 1, YRef = "paper", YAnchor = Plotly.Blazor.LayoutLib.AnnotationLib.YAnchorEnum.Bottom,
                // The label reads toward the middle of the plot. Centred on a marker at either end, it widened the x
                // axis by half its width (Plotly fits the axis to its annotations): epochs 1-15 became 0-18 at phone width.
                XAnchor = x > MidX(Model) ? Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Right : Plotly.Blazor.LayoutLib.AnnotationLib.XAnchorEnum.Left,
                Text = MarkerText ?? "", ShowArrow = false, Font = new Plotly.Blazor.LayoutLib.AnnotationLib.Font { Color = color },
            },
        ];
    }

    // Where the legend row goes, in plot heights under the plot: about 62 px down, under the x axis's title (Plotly
    // places it in plot heights, and the plot shrinks to leave it room, so a fixed 0.2 put it beside the title of a
    // 340 px chart and under it only on taller ones). At most 0.35: a short chart keeps most of its height for the plot.
    private static decimal LegendDrop(int height) => Math.Clamp(62m / Math.Max(1, height - 48 - 35 - 62), 0.2m, 0.35m);

    // The middle of the x values the model holds (its traces run left to right).
    private static double MidX(LiveChartModel model)
    {
        var ends = Enumerable.Range(0, model.Series.Count).Where(i => model.Count(i) > 0).Select(i => model.Points(i).X).SelectMany(x => new[] { x[0], x[^1] }).ToList();
        return ends.Count == 0 ? 0 : (ends.Min() + ends.Max()) / 2;
    }

    /// <summary>Sends the model's new points to the browser (append, or a downsampled redraw).</summary>
    public async Task RefreshAsync()
    {
        if (!_ready || Chart is null)
            return;
        // One refresh at a time: a redraw's React awaits the browser while the next progress event may already take an
        // append; sent in between, the appended points were drawn twice (a denoise curve of 20 steps showed 39).
        await _refreshGate.WaitAsync();
        try
        {
            await RefreshNowAsync();
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private readonly SemaphoreSlim _refreshGate = new(1, 1);

    private async Task RefreshNowAsync()
    {
        if (Chart is null)
            return;
        // The first points (or none again, the model cleared) change the layout, not only the traces: redraw whole.
        if ((IsEmpty(Model), AxesWithPoints(Model)) != (_showsEmpty, _axesWithPoints))
        {
            ApplyEmpty();
            Model.Invalidate();
        }

        var update = Model.TakeUpdate();
        if (update.IsEmpty)
            return;

        if (update.Redraw)
        {
            Fill(update);
            await Chart.React();
            return;
        }

        await Chart.ExtendTraces(
            update.X.Select(a => a.Cast<object>()),
            update.Y.Select(a => a.Cast<object>()),
            update.Traces);
    }

    /// <summary>
    /// The chart's name for its drawing before the circuit (<c>wwwroot/lib/plotly-blazor/predraw.js</c>), unique on the
    /// page; null for none. Prerendered, the chart writes its first figure as JSON under this key instead of a Plotly
    /// element, and the page's script draws it into the sketch that shows in its place (a <see cref="ChartSketchView"/>
    /// with the same key) as soon as plotly.js has run, before Blazor's circuit has started. In the circuit, the chart's
    /// first draw adopts that drawn chart (zoom included) instead of drawing another.
    /// </summary>
    [Parameter]
    public string? PredrawKey { get; set; }

    private bool WritesFigure => PredrawKey is not null && !RendererInfo.IsInteractive;

    // The figure the circuit's first draw would send, for predraw.js. PlotlyJson escapes < > &, so the JSON cannot end
    // the element; the key is encoded as an attribute value.
    private MarkupString FigureScript => new(
        $"<script type=\"application/json\" data-predraw-figure=\"{HtmlEncoder.Default.Encode(PredrawKey ?? "")}\">{PlotlyJson.Figure(PlotData, PlotLayout, PlotConfig)}</script>");

    /// <summary>Called once the chart's first draw was sent (its points included), e.g. to draw the next chart after it.</summary>
    [Parameter]
    public EventCallback FirstDrawn { get; set; }

    // The first draw held what the model had at OnInitialized (or, after the model changed before it, the model is
    // marked for a redraw): only what arrived since is sent now.
    private void OnChartRendered()
    {
        _ready = true;
        _ = InvokeAsync(async () =>
        {
            await RefreshAsync();
            await FirstDrawn.InvokeAsync();
        });
    }

    /// <summary>An empty trace styled as <paramref name="s"/> says (the page's chart and the homework report's share it).</summary>
    public static Scatter ToTrace(ChartSeries s) => new()
    {
        Name = s.Name,
        Mode = s.Markers ? ModeFlag.Lines | ModeFlag.Markers : ModeFlag.Lines,
        Opacity = (decimal)s.Opacity,
        ShowLegend = s.ShowLegend,
        Line = new Line { Color = s.Color, Dash = s.Dashed ? "dash" : null },
        YAxis = s.SecondAxis ? "y2" : null,
        X = new List<object>(),
        Y = new List<object>(),
    };

    // The figure's caption, read by screen readers in place of the plot: its title, then what it shows.
    private string SummaryText => $"{Title ?? "Chart"}. {Hw4.Dashboard.Features.Charts.ChartSummary.Of(Model, XTitle)}";
}
