using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Charts;
using Hw4.Dashboard.Features.Runs;
using Hw4.Dashboard.Features.Runs.Live;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using Hw4.Dashboard.Features.Access;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>
/// Live view of one run: subscribes to the notifier (replay, then live events), re-renders through
/// <c>InvokeAsync</c>, appends chart points, and unsubscribes on dispose or when the run id changes. Stop and Resume
/// say what happened (or why not) beside the buttons. The charts fold the run folder's events (read after subscribing)
/// and then the live ones, so they draw the same series live, after a reload and after a restart.
/// </summary>
public sealed partial class RunLiveView : IDisposable
{
    // Every batch is an event now (each is a chart point), so renders are coalesced in time instead: at most one
    // render and chart refresh per interval, whatever the event rate; the data is complete either way.
    private static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);

    private RunSubscription? _subscription;
    private int _refreshQueued;
    private long _lastRefresh;
    private volatile bool _disposed;

    // The state whose folder history is still to be read (after the next render, so never in a prerender).
    private RunLiveState? _historyPending;

    // The charts are made once the folder's history is in, so that each one's first Plotly draw holds its points (not
    // an empty plot and a full redraw a round trip later); the batch-loss chart first, the epoch charts after its first
    // draw was sent, so the page's main curve never waits behind the other two.
    private bool _historyRead;
    private bool _batchChartDrawn;

    private bool ChartsShown => _historyRead || WritesFigure;

    // Prerendered with the folder at hand: the batch chart writes its first figure into the page's HTML, and predraw.js
    // draws it over its sketch as soon as plotly.js has run, before the circuit starts (LineChart.PredrawKey). Only the
    // page's main chart: each such draw is a long task that the circuit's start waits for (the epoch charts, drawn
    // this way too, made the page as a whole interactive later; docs/benchmarks.md). Theirs stay sketched until then.
    private bool WritesFigure => BatchSketch is not null && !RendererInfo.IsInteractive;

    // The batch chart's name for that drawing (unique on the page: one live view per page).
    private const string BatchKey = "batch";

    // How many pixel columns a prerendered batch chart's figure is fitted to: the server does not know the page's width
    // (about a laptop's chart). The circuit's first draw fits the curve to the measured width.
    private const int PrerenderedChartWidth = 1000;

    /// <summary>
    /// The batch curve drawn on the server (<see cref="ChartSketch"/>), shown in the chart's place until the Plotly chart
    /// has drawn; null when the history was not at hand for the first render or the chart's axis or smoothing changed.
    /// </summary>
    public ChartSketch? BatchSketch { get; private set; }

    /// <summary>The epoch-loss curve drawn on the server, as <see cref="BatchSketch"/> is for the batch curve.</summary>
    public ChartSketch? EpochSketch { get; private set; }

    /// <summary>The validation-accuracy curve drawn on the server, as <see cref="BatchSketch"/> is for the batch curve.</summary>
    public ChartSketch? AccuracySketch { get; private set; }

    private const string BatchChartTitle = "Loss per batch";

    private const string EpochChartTitle = "Loss per epoch";

    private const string EpochXTitle = "epoch";

    private const string EpochYTitle = "loss";

    private const string AccuracyChartTitle = "Validation accuracy";

    private const string AccuracyYTitle = "accuracy (%)";

    private const string BatchYTitle = "loss";

    private bool EpochChartsShown => _historyRead && _batchChartDrawn;

    /// <summary>The run to follow.</summary>
    [Parameter, EditorRequired]
    public string RunId { get; set; } = "";

    /// <summary>The run's folder as read, used to fill the view when no live events exist.</summary>
    [Parameter]
    public RunSummary? Summary { get; set; }

    /// <summary>Called once the followed run ends live, so the page can re-read its folder.</summary>
    [Parameter]
    public EventCallback Ended { get; set; }

    [Inject]
    private RunEventNotifier Notifier { get; set; } = default!;

    [Inject]
    private RunStopper Stopper { get; set; } = default!;

    [Inject]
    private TrainingLauncher Launcher { get; set; } = default!;

    [Inject]
    private IOptions<Hw4Options> Options { get; set; } = default!;

    [Inject]
    private RunMetricsCache Metrics { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    /// <summary>True when the user may stop and resume (admin); a viewer sees no controls.</summary>
    public bool CanControl { get; private set; }

    /// <summary>The folded state (public for tests).</summary>
    public RunLiveState State { get; private set; } = new("");

    /// <summary>What the last Stop or Resume did, or why not.</summary>
    public string? CommandMessage { get; private set; }

    private bool CommandAccepted { get; set; }

    private LineChart? BatchChart { get; set; }

    private LineChart? EpochChart { get; set; }

    private LineChart? AccuracyChart { get; set; }

    private double Smoothing { get; set; } = 0.9;

    /// <summary>Loss charts on a logarithmic y axis.</summary>
    public bool LogScale { get; private set; }

    private ChartXAxis BatchXAxis => State.BatchLoss.XAxis;

    private string BatchXTitle => BatchXAxis switch
    {
        ChartXAxis.Epoch => "epoch",
        ChartXAxis.Time => "training time (s)",
        _ => "step",
    };

    private int EpochTickStep => EpochTicks.Step(State.TotalEpochs);

    private int? BatchXTickStep => BatchXAxis is ChartXAxis.Epoch ? EpochTickStep : null;

    private static string AxisName(ChartXAxis axis) => axis switch
    {
        ChartXAxis.Epoch => "epoch",
        ChartXAxis.Time => "time",
        _ => "step",
    };

    private double? BestEpochX => State.BestEpoch;

    private string? BestEpochText => State.BestEpoch is { } e ? $"best epoch {e}" : null;

    private bool CanStop => CanControl && (State.IsActive || State.Status is RunStatus.Interrupted);

    private bool CanResume => CanControl && State.Status?.CanResume() == true && (Summary?.Record?.Kind ?? RunKinds.Train) == RunKinds.Train
        && State.LastDenoise is null;

    private Color StatusColor => RunStatusStyle.Color(State.Status);

    private Severity MessageSeverity => RunStatusStyle.MessageSeverity(State.Status);

    private string ProgressText
    {
        get
        {
            var epochs = State.Epochs;
            if (State.LastBatch is not { } b || State.Status is not RunStatus.Running)
                return epochs.Count > 0 ? $"{epochs.Count}/{State.TotalEpochs} epochs" : "";
            var eta = b.EtaSeconds is { } s ? $", ETA {TimeSpan.FromSeconds(Math.Round(s)):g}" : "";
            return $"epoch {b.Epoch}/{State.TotalEpochs}, batch {b.Batch}/{b.BatchesPerEpoch}, {b.ImagesPerSecond:0} img/s{eta}";
        }
    }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync() => CanControl = await Access.IsAdminAsync();

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (State.RunId == RunId)
        {
            // The page re-read the folder (the run ended): fill in what the events did not carry.
            if (Summary is not null && State.LastSeq == 0)
                State.Seed(Summary);
            return;
        }

        _subscription?.Dispose();
        var axis = State.BatchLoss.XAxis;
        State = new RunLiveState(RunId, awaitHistory: true);
        (_historyRead, _batchChartDrawn, BatchSketch, EpochSketch, AccuracySketch) = (false, false, null, null, null);
        State.BatchLoss.SetSmoothing(Smoothing);
        State.BatchLoss.SetXAxis(axis);
        CommandMessage = null;
        _subscription = Notifier.Subscribe(RunId, null, OnEvent);
        State.Apply(_subscription.Replay!);
        // The folder is read after subscribing (every event emitted before is already in it: the run writes before it
        // publishes; every later one arrives live and is held until then), and after the first render: a prerender
        // never parses it, and the page shows while it is read.
        _historyPending = State;
        if (Summary is not null)
            State.Seed(Summary);
        // Unless the page's own read of the folder just parsed it (a finished run): then the batch curve is sketched
        // in this render, with the page's HTML, long before Plotly can draw it.
        if (RunHistory.ReadCached(RunStorePaths.ArtifactsDir(Options.Value), RunId, Metrics, Options.Value.RunFiles) is { } history)
        {
            State.SeedHistory(history);
            BatchSketch = ChartSketch.Of(State.BatchLoss, BatchChartTitle, BatchXTitle, BatchYTitle, xTickStep: BatchXTickStep);
            EpochSketch = ChartSketch.Of(State.EpochLoss, EpochChartTitle, EpochXTitle, EpochYTitle, xTickStep: EpochTickStep);
            AccuracySketch = ChartSketch.Of(State.ValAccuracy, AccuracyChartTitle, EpochXTitle, AccuracyYTitle, xTickStep: EpochTickStep);
            if (WritesFigure)
                State.BatchLoss.FitTo(PrerenderedChartWidth);
        }
    }

    /// <inheritdoc />
    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_historyPending is not { } state)
            return;
        _historyPending = null;
        var artifactsDir = RunStorePaths.ArtifactsDir(Options.Value);
        var (runId, limits) = (state.RunId, Options.Value.RunFiles);
        var history = state.AwaitsHistory ? Task.Run(() => RunHistory.Read(artifactsDir, runId, Metrics, limits)) : null;
        // While the folder is read: how wide the batch chart will be, so that its first draw carries one point per
        // pixel column (a finished 15 × 704 run: about 1,000 points instead of 4,000; the model keeps every batch).
        var width = await BatchChartWidthAsync();
        if (history is not null)
            state.SeedHistory(await history);
        if (!ReferenceEquals(state, State) || _disposed)
            return;
        if (width >= MinChartWidth)
            state.BatchLoss.FitTo(width);
        _historyRead = true;
        await RefreshAsync();
    }

    // Narrower than this the placeholder is not laid out (hidden, or the page is being left): keep the model's cap.
    private const int MinChartWidth = 100;

    // The batch chart's place, measured before the chart is made.
    private ElementReference _batchChartPlaceholder;

    [Inject]
    private IJSRuntime Js { get; set; } = default!;

    [Inject]
    private ILogger<RunLiveView> Log { get; set; } = default!;

    /// <summary>The batch chart placeholder's width in CSS pixels; 0 when the browser could not say.</summary>
    private async Task<int> BatchChartWidthAsync()
    {
        try
        {
            var module = await Js.InvokeAsync<IJSObjectReference>("import", "./Components/Runs/RunLiveView.razor.js");
            try
            {
                return await module.InvokeAsync<int>("widthOf", _batchChartPlaceholder);
            }
            finally
            {
                _ = DisposeLaterAsync(module);
            }
        }
        catch (JSException e)
        {
            Log.LogWarning(e, "Could not measure the batch-loss chart of run {RunId}; it is drawn with up to {Points} points per trace", RunId, State.BatchLoss.MaxDrawn);
            return 0;
        }
        catch (JSDisconnectedException)
        {
            // The page was left: nothing will be drawn.
            return 0;
        }
    }

    // The module reference is released after the charts' render went out, not on the way to it.
    private async Task DisposeLaterAsync(IJSObjectReference module)
    {
        await Task.Yield();
        try
        {
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the browser's copy with it.
        }
        catch (JSException e)
        {
            Log.LogWarning(e, "Could not release the chart-width module of run {RunId}'s view", RunId);
        }
    }

    private void OnBatchChartDrawn()
    {
        _batchChartDrawn = true;
        BatchSketch = null;
    }

    private void OnEpochChartDrawn() => EpochSketch = null;

    private void OnAccuracyChartDrawn() => AccuracySketch = null;

    private void OnEvent(RunEventEnvelope envelope)
    {
        State.Apply(envelope);
        // "Stopping run …" was true until now: the status and its message say how it ended.
        if (envelope.Event.IsTerminal)
            CommandMessage = null;
        // Coalesce bursts: one render + chart refresh scheduled at a time, at most one per interval.
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 0)
            _ = RefreshSoonAsync();
        if (envelope.Event.IsTerminal && Ended.HasDelegate)
            _ = InvokeAsync(() => Ended.InvokeAsync());
    }

    private async Task RefreshSoonAsync()
    {
        var wait = RefreshInterval - Time.GetElapsedTime(Interlocked.Read(ref _lastRefresh));
        if (wait > TimeSpan.Zero)
            await Task.Delay(wait, Time);
        if (!_disposed)
            await InvokeAsync(RefreshAsync);
    }

    private async Task RefreshAsync()
    {
        Interlocked.Exchange(ref _lastRefresh, Time.GetTimestamp());
        Interlocked.Exchange(ref _refreshQueued, 0);
        if (_disposed)
            return;
        StateHasChanged();
        if (BatchChart is not null)
            await BatchChart.RefreshAsync();
        if (EpochChart is not null)
            await EpochChart.RefreshAsync();
        if (AccuracyChart is not null)
            await AccuracyChart.RefreshAsync();
    }

    private async Task OnXAxisChangedAsync(ChartXAxis axis)
    {
        BatchSketch = null;
        State.BatchLoss.SetXAxis(axis);
        if (BatchChart is not null)
            await BatchChart.RefreshAsync();
    }

    private void OnLogScaleChanged(bool value)
    {
        LogScale = value;
        (BatchSketch, EpochSketch) = (null, null);
    }

    private async Task OnSmoothingChangedAsync(double value)
    {
        Smoothing = value;
        BatchSketch = null;
        State.BatchLoss.SetSmoothing(value);
        if (BatchChart is not null)
            await BatchChart.RefreshAsync();
    }

    private async Task Stop()
    {
        if (await Access.IsAdminAsync())
            Say(Stopper.Stop(RunId));
        else
            Say(new RunCommandResult(StatusCodes.Status403Forbidden, IHw4Access.NotAdminMessage));
    }

    private async Task Resume()
    {
        if (await Access.IsAdminAsync())
            Say(Launcher.Resume(RunId));
        else
            Say(new RunCommandResult(StatusCodes.Status403Forbidden, IHw4Access.NotAdminMessage));
    }

    private void Say(RunCommandResult result)
    {
        CommandAccepted = result.IsAccepted;
        CommandMessage = result.Message;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _disposed = true;
        _subscription?.Dispose();
    }
}
