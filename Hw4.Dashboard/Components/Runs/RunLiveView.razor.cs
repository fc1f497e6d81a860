using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Runs.Detail;
using Hw4.Dashboard.Features.Runs.Live;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Streaming.Events;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>
/// Live view of one run: subscribes to the notifier (replay, then live events), re-renders through
/// <c>InvokeAsync</c>, appends chart points, and unsubscribes on dispose or when the run id changes.
/// </summary>
public sealed partial class RunLiveView : IDisposable
{
    private RunSubscription? _subscription;
    private int _refreshQueued;

    /// <summary>The run to follow.</summary>
    [Parameter, EditorRequired]
    public string RunId { get; set; } = "";

    /// <summary>The indexed run, used to fill the view when no live events exist.</summary>
    [Parameter]
    public Hw4.Dashboard.Features.Runs.Store.RunRecord? Record { get; set; }

    /// <summary>Per-batch losses from the run folder, with <see cref="Record"/>.</summary>
    [Parameter]
    public IReadOnlyList<(double Step, double Loss)> BatchLosses { get; set; } = [];

    /// <summary>Where the stored run diverged (from its folder), with <see cref="Record"/>.</summary>
    [Parameter]
    public DivergenceInfo? Divergence { get; set; }

    /// <summary>Called once the followed run ends live (finished, failed, diverged), so the page can re-read its folder.</summary>
    [Parameter]
    public EventCallback Ended { get; set; }

    [Inject]
    private RunEventNotifier Notifier { get; set; } = default!;

    [Inject]
    private RunQueue Queue { get; set; } = default!;

    /// <summary>The folded state (public for tests).</summary>
    public RunLiveState State { get; private set; } = new("");

    private LineChart? BatchChart { get; set; }

    private LineChart? EpochChart { get; set; }

    private double Smoothing { get; set; } = 0.9;

    private double? BestEpochX => State.BestEpoch;

    private string? BestEpochText => State.BestEpoch is { } e ? $"best epoch {e}" : null;

    private Color StatusColor => State.Status switch
    {
        "running" => Color.Info,
        "finished" => Color.Success,
        "failed" or "diverged" => Color.Error,
        "stopped" => Color.Warning,
        _ => Color.Default,
    };

    private string ProgressText
    {
        get
        {
            if (State.LastBatch is not { } b || !State.IsActive)
                return State.Epochs.Count > 0 ? $"{State.Epochs.Count}/{State.TotalEpochs} epochs" : "";
            var eta = b.EtaSeconds is { } s ? $", ETA {TimeSpan.FromSeconds(Math.Round(s)):g}" : "";
            return $"epoch {b.Epoch}/{State.TotalEpochs}, batch {b.Batch}/{b.BatchesPerEpoch}, {b.ImagesPerSecond:0} img/s{eta}";
        }
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (State.RunId == RunId)
            return;
        _subscription?.Dispose();
        State = new RunLiveState(RunId);
        State.BatchLoss.SetSmoothing(Smoothing);
        _subscription = Notifier.Subscribe(RunId, null, OnEvent);
        State.Apply(_subscription.Replay!);
        if (Record is not null)
            State.Seed(Record, BatchLosses, Divergence);
    }

    private void OnEvent(RunEventEnvelope envelope)
    {
        State.Apply(envelope);
        // Coalesce bursts: one render + chart refresh in flight at a time.
        if (Interlocked.Exchange(ref _refreshQueued, 1) == 0)
            _ = InvokeAsync(RefreshAsync);
        if (envelope.Event.IsTerminal && Ended.HasDelegate)
            _ = InvokeAsync(() => Ended.InvokeAsync());
    }

    private async Task RefreshAsync()
    {
        Interlocked.Exchange(ref _refreshQueued, 0);
        StateHasChanged();
        if (BatchChart is not null)
            await BatchChart.RefreshAsync();
        if (EpochChart is not null)
            await EpochChart.RefreshAsync();
    }

    private async Task OnSmoothingChangedAsync(double value)
    {
        Smoothing = value;
        State.BatchLoss.SetSmoothing(value);
        if (BatchChart is not null)
            await BatchChart.RefreshAsync();
    }

    private void Stop() => Queue.Stop(RunId);

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();
}
