using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Models;
using Microsoft.AspNetCore.Components;
using Hw4.Dashboard.Features.Access;
using Hw4.Dashboard.Configuration;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;
using Hw4.Dashboard.Features.Models;

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
    private IRunScheduler Scheduler { get; set; } = default!;

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

    /// <summary>Why the last submit queued nothing (or not all it was asked to).</summary>
    public string? Error { get; private set; }

    /// <summary>What the last submit of several seeds queued, or null.</summary>
    public string? Queued { get; private set; }

    /// <summary>The run shown on the right.</summary>
    public string? SelectedRunId { get; private set; }

    /// <summary>The followed run's readable name (its settings' name until it is renamed).</summary>
    public string? SelectedName => SelectedRunId is null ? null : _names.TryGetValue(SelectedRunId, out var name) ? name : SelectedRunId;

    // Names of the runs followed here, read once per run from its folder.
    private readonly Dictionary<string, string> _names = new(StringComparer.Ordinal);

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
        Name(SelectedRunId);
        Queue.Changed += OnQueueChanged;
        await ReadQueueAsync();
    }

    /// <inheritdoc />
    protected override void OnAfterRender(bool firstRender)
    {
        // The store's queue changes on every host: read it again every few seconds while the page is open.
        if (firstRender && Scheduler.IsShared)
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
            QueueItems = await Scheduler.ListAsync(_closed.Token);
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
        {
            (SelectedRunId, SelectedKind) = (Run, kind);
            Name(Run);
        }
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

    // The run's name from its folder (run.json's settings, notes.json's name), or null when it cannot be read.
    private string? NameOf(string id)
    {
        try
        {
            return Runs.TryOpen(id) is { } dir ? RunName.Of(dir.ReadNotes().Name, dir.ReadRun(), id) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private void Name(string? runId)
    {
        if (runId is not null && !_names.ContainsKey(runId) && NameOf(runId) is { } name)
            _names[runId] = name;
    }

    // Follows runId and puts it in the address (replacing the entry, so Back leaves the page rather than the pick).
    private void Follow(string runId, string kind)
    {
        (SelectedRunId, SelectedKind) = (runId, kind);
        Name(runId);
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

        var first = Form.Seed;
        var count = Inputs.SeedCount.IntValue ?? 1;
        if ((long)first + count - 1 > int.MaxValue)
        {
            Error = $"Seeds {first} to {(long)first + count - 1} go past the largest seed, {int.MaxValue}.";
            return;
        }

        try
        {
            // One run per seed, the rest of the recipe the same: a seed group in one action.
            var ids = new List<string>();
            (Error, Queued) = (null, null);
            for (var i = 0; i < count && Error is null; i++)
            {
                Form.Seed = first + i;
                var (runId, error) = Launcher.Launch(Form);
                Error = error;
                if (runId is not null)
                    ids.Add(runId);
            }

            Queued = count > 1 && ids.Count > 0 ? $"Queued {ids.Count} runs, seeds {first}–{first + ids.Count - 1}: {string.Join(", ", ids)}." : null;
            if (ids.Count > 0)
                Follow(ids[0], RunKinds.Train);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The trainer's own validation, or an artifacts folder that cannot be written: say so where the user pressed.
            Error = e.Message;
        }
        finally
        {
            Form.Seed = first;
        }
    }

    private void OnInputChanged() => (Error, Queued) = (null, null);

    private string QueueLabel => Inputs.SeedCount.IntValue is > 1 and var n && Inputs.SeedCount.IsValid ? $"Queue {n} runs" : "Queue run";

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
