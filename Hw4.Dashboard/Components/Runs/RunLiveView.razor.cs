using Hw4.Dashboard.Components.Charts;
using Hw4.Dashboard.Features.Runs.Live;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Hw4.Dashboard.Components.Runs;

/// <summary>
/// Live view of one run: subscribes to the notifier (replay, then live events), re-renders through
/// <c>InvokeAsync</c>, appends chart points, and unsubscribes on dispose or when the run id changes. Stop and Resume
/// say what happened (or why not) beside the buttons.
/// </summary>
public sealed partial class RunLiveView : IDisposable
{
    private RunSubscription? _subscription;
    private int _refreshQueued;

    /// <summary>The run to follow.</summary>
    [Parameter, EditorRequired]
    public string RunId { get; set; } = "";

    /// <summary>The run's folder as read, used to fill the view when no live events exist.</summary>
    [Parameter]
    public RunSummary? Summary { get; set; }

    /// <summary>Per-batch losses from the run folder, with <see cref="Summary"/>.</summary>
    [Parameter]
    public IReadOnlyList<(double Step, double Loss)> BatchLosses { get; set; } = [];

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
    private Hw4.Dashboard.Features.Access.IHw4Access Access { get; set; } = default!;

    /// <summary>True when the user may stop and resume (admin); a viewer sees no controls.</summary>
    public bool CanControl { get; private set; }

    /// <summary>The folded state (public for tests).</summary>
    public RunLiveState State { get; private set; } = new("");

    /// <summary>What the last Stop or Resume did, or why not.</summary>
    public string? CommandMessage { get; private set; }

    private bool CommandAccepted { get; set; }

    private LineChart? BatchChart { get; set; }

    private LineChart? EpochChart { get; set; }

    private double Smoothing { get; set; } = 0.9;

    private double? BestEpochX => State.BestEpoch;

    private string? BestEpochText => State.BestEpoch is { } e ? $"best epoch {e}" : null;

    private bool CanStop => CanControl && State.IsActive || State.Status is RunStatus.Interrupted;

    private bool CanResume => CanControl && State.Status?.CanResume() == true && (Summary?.Record?.Kind ?? RunKinds.Train) == RunKinds.Train
        && State.LastDenoise is null;

    private Color StatusColor => State.Status switch
    {
        RunStatus.Running => Color.Info,
        RunStatus.Completed => Color.Success,
        RunStatus.Failed or RunStatus.Diverged => Color.Error,
        RunStatus.Stopped or RunStatus.Interrupted => Color.Warning,
        _ => Color.Default,
    };

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
                State.Seed(Summary, BatchLosses);
            return;
        }

        _subscription?.Dispose();
        State = new RunLiveState(RunId);
        State.BatchLoss.SetSmoothing(Smoothing);
        CommandMessage = null;
        _subscription = Notifier.Subscribe(RunId, null, OnEvent);
        State.Apply(_subscription.Replay!);
        if (Summary is not null)
            State.Seed(Summary, BatchLosses);
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

    private async Task Stop()
    {
        if (await Access.IsAdminAsync())
            Say(Stopper.Stop(RunId));
        else
            Say(new RunCommandResult(StatusCodes.Status403Forbidden, Hw4.Dashboard.Features.Access.IHw4Access.NotAdminMessage));
    }

    private async Task Resume()
    {
        if (await Access.IsAdminAsync())
            Say(Launcher.Resume(RunId));
        else
            Say(new RunCommandResult(StatusCodes.Status403Forbidden, Hw4.Dashboard.Features.Access.IHw4Access.NotAdminMessage));
    }

    private void Say(RunCommandResult result)
    {
        CommandAccepted = result.IsAccepted;
        CommandMessage = result.Message;
    }

    /// <inheritdoc />
    public void Dispose() => _subscription?.Dispose();
}
