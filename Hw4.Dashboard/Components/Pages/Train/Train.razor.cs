using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Models;
using Microsoft.AspNetCore.Components;
using Hw4.Dashboard.Features.Access;

namespace Hw4.Dashboard.Components.Pages.Train;

/// <summary>The Train page: a validated form that queues runs, the device queue, and the live view of the chosen run.</summary>
public sealed partial class Train : IDisposable
{
    [Inject]
    private TrainingLauncher Launcher { get; set; } = default!;

    [Inject]
    private RunQueue Queue { get; set; } = default!;

    [Inject]
    private IHw4Access Access { get; set; } = default!;

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

    private IEnumerable<(string RunId, string Label, bool Active)> QueueItems =>
        (Queue.Active is { } a ? new[] { (a.Job.RunId, $"{a.Job.RunId} (running)", true) } : [])
        .Concat(Queue.Waiting.Select((w, i) => (w.Job.RunId, $"{i + 1}. {w.Job.RunId}", false)));

    /// <inheritdoc />
    protected override void OnInitialized()
    {
        Inputs = new TrainInputs(Form);
        SelectedRunId = Queue.Active?.Job.RunId;
        SelectedKind = Queue.Active?.Job.Kind ?? Hw4.Ml.Runs.RunKinds.Train;
        Queue.Changed += OnQueueChanged;
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
                (SelectedRunId, SelectedKind) = (runId, Hw4.Ml.Runs.RunKinds.Train);
        }
        catch (Exception e) when (e is ArgumentException or IOException or UnauthorizedAccessException)
        {
            // The trainer's own validation, or a runs folder that cannot be written: say so where the user pressed.
            Error = e.Message;
        }
    }

    private void OnInputChanged() => Error = null;

    private void Select(string runId)
    {
        var job = new[] { Queue.Active }.Concat(Queue.Waiting).FirstOrDefault(q => q?.Job.RunId == runId)?.Job;
        (SelectedRunId, SelectedKind) = (runId, job?.Kind ?? Hw4.Ml.Runs.RunKinds.Train);
    }

    private void OnQueueChanged() => _ = InvokeAsync(StateHasChanged);

    /// <inheritdoc />
    public void Dispose() => Queue.Changed -= OnQueueChanged;
}
