using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Models;
using Microsoft.AspNetCore.Components;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Configuration;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Components.Pages.Train;

/// <summary>
/// The Train page: a validated form that queues runs, the queue (this host's device queue, or the team's in the
/// PostgreSQL store), and the live view of the chosen run.
/// </summary>
public sealed partial class Train : IDisposable
{
    /// <summary>How often the team's queue is read again while the page is open (it changes on other hosts too).</summary>
    public static readonly TimeSpan SharedQueueRefresh = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _closed = new();

    [Inject]
    private QueueListing Listing { get; set; } = default!;

    [Inject]
    private TimeProvider Time { get; set; } = default!;

    [Inject]
    private TrainingLauncher Launcher { get; set; } = default!;

    [Inject]
    private RunQueue Queue { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

    [Inject]
    private RunRepository Runs { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    /// <summary>
    /// The run the address says to follow (<c>/train?run=ID</c>), so a reload, a bookmark or Back shows the same run; a
    /// value that names no run folder is ignored.
    /// </summary>
    [SupplyParameterFromQuery(Name = "run")]
    public string? Run { get; set; }

    // The address's run value last applied: a re-render with the same address keeps what the user picked since.
    private string? _appliedRun;

    /// <summary>The form's model.</summary>
    public TrainSettings Form { get; } = new();

    /// <summary>The numeric fields as typed; applied to <see cref="Form"/> on submit.</summary>
    public TrainInputs Inputs { get; private set; } = default!;

    /// <summary>Why the last submit queued nothing.</summary>
    public string? Error { get; private set; }

    /// <summary>The run shown on the right.</summary>
    public string? SelectedRunId { get; private set; }

    /// <summary>Its kind: a denoising run on the queue is shown with its own view, never the training charts.</summary>
    public string SelectedKind { get; private set; } = Hw4.Ml.Runs.RunKinds.Train;

    private static IReadOnlyList<ModelKind> Models { get; } = Enum.GetValues<ModelKind>();

    private static Func<ModelKind, string?> ModelText { get; } = kind => Features.Models.ModelDisplayName.Of(kind);

    /// <summary>The queue's lines as last read.</summary>
    public IReadOnlyList<QueueEntry> QueueItems { get; private set; } = [];

    /// <summary>Why the team's queue could not be read (shown in its place), or null.</summary>
    public string? QueueError { get; private set; }

    /// <inheritdoc />
    protected override async Task OnInitializedAsync()
    {
        Inputs = new TrainInputs(Form);
        SelectedRunId = Queue.Active?.Job.RunId;
        SelectedKind = Queue.Active?.Job.Kind ?? Hw4.Ml.Runs.RunKinds.Train;
        Queue.Changed += OnQueueChanged;
        await ReadQueueAsync();
    }

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        // The store's queue changes on every host: read it again every few seconds while the page is open.
        if (firstRender && Listing.IsShared)
            _ = RefreshSharedQueueAsync();
    }

    private async Task RefreshSharedQueueAsync()
    {
        using var timer = new PeriodicTimer(SharedQueueRefresh, Time);
        try
        {
            while (await timer.WaitForNextTickAsync(_closed.Token))
                await InvokeAsync(async () =>
                {
                    await ReadQueueAsync();
                    StateHasChanged();
                });
        }
        catch (OperationCanceledException)
        {
            // The page closed.
        }
    }

    private async Task ReadQueueAsync()
    {
        try
        {
            QueueItems = await Listing.ReadAsync(_closed.Token);
            QueueError = null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            QueueError = $"The team's queue could not be read from the store: {e.Message}";
        }
    }

    /// <inheritdoc />
    protected override void OnParametersSet()
    {
        if (Run == _appliedRun)
            return;
        _appliedRun = Run;
        if (KindOf(Run) is { } kind)
            (SelectedRunId, SelectedKind) = (Run, kind);
    }

    // The kind of the run folder named by id, or null when id is not a run id or names no readable run.
    private string? KindOf(string? id)
    {
        try
        {
            return Runs.TryOpen(id)?.ReadRun().Kind;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    // Follows runId and puts it in the address (replacing the entry, so Back leaves the page rather than the pick).
    private void Follow(string runId, string kind)
    {
        (SelectedRunId, SelectedKind) = (runId, kind);
        _appliedRun = runId;
        Navigation.NavigateTo(Navigation.GetUriWithQueryParameter("run", runId), replace: true);
    }

    private async Task Submit()
    {
        if (!await Access.IsAdminAsync())
        {
            Error = IHw4Access.NotAdminMessage;
            return;
        }

        // A refused field queues nothing; the field already says why.
        if (!Inputs.TryApply(Form))
        {
            Error = "Fix the fields marked in red.";
            return;
        }

        if (Form.Validate() is [_, ..] problems)
        {
            Error = string.Join(" ", problems.Select(p => p.ErrorMessage));
            return;
        }

        try
        {
            var (runId, error) = Launcher.Launch(Form);
            Error = error;
            if (runId is not null)
                Follow(runId, RunKinds.Train);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The trainer's own validation, or an artifacts folder that cannot be written: say so where the user pressed.
            Error = e.Message;
        }
    }

    private void OnInputChanged() => Error = null;

    private void Select(string runId)
    {
        var job = new[] { Queue.Active }.Concat(Queue.Waiting).FirstOrDefault(q => q?.Job.RunId == runId)?.Job;
        Follow(runId, job?.Kind ?? KindOf(runId) ?? RunKinds.Train);
    }

    private void OnQueueChanged() => _ = InvokeAsync(async () =>
    {
        await ReadQueueAsync();
        StateHasChanged();
    });

    /// <inheritdoc />
    public void Dispose()
    {
        Queue.Changed -= OnQueueChanged;
        _closed.Cancel();
        _closed.Dispose();
    }
}
