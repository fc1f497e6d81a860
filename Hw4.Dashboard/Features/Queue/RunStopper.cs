using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// Stops a run wherever it stands: through the scheduler while it is scheduled (on this host's device queue: waiting,
/// it ends stopped at once, active, between two batches; in the store's queue: a waiting one leaves it and ends stopped
/// here, a held one is flagged and its host stops it at its next heartbeat), else from its folder when no live process
/// owns it (a run left running or interrupted by a dead process). A run trained by another live process outside the
/// queue (the CLI) is refused with the process named.
/// </summary>
public sealed class RunStopper(IRunScheduler scheduler, RunEventNotifier notifier, RunRepository runs)
{
    /// <summary>Stops <paramref name="runId"/>; the result says what happens or why nothing does.</summary>
    public RunCommandResult Stop(string runId)
    {
        StopRequestOutcome fromScheduler;
        try
        {
            fromScheduler = scheduler.Stop(runId);
        }
        catch (StoreUnavailableException e)
        {
            return RunCommandResult.Unavailable(e);
        }

        if (fromScheduler == StopRequestOutcome.StoppedHere)
            return RunCommandResult.Accepted($"Stopping run '{runId}'.");
        if (fromScheduler == StopRequestOutcome.SignalledHolder)
            return RunCommandResult.Accepted($"Stopping run '{runId}' on the host training it.");
        if (runs.TryOpen(runId) is not { } dir)
            return RunCommandResult.NotFound(runId);

        RunRecord record;
        try
        {
            record = dir.ReadRun();
        }
        catch (InvalidDataException e)
        {
            return RunCommandResult.Conflict($"Run '{runId}' is unreadable ({e.Message}); delete it instead.");
        }

        if (record.OwnerElsewhere() is { } owner)
            return RunCommandResult.Conflict(
                $"Run '{runId}' is training in process {owner.ProcessId} on {owner.Host}; stop it there (Ctrl+C).");
        if (!RunTransitions.IsAllowed(record.Status, RunStatus.Stopped))
            return RunCommandResult.Conflict($"Run '{runId}' is already {record.Status.Name()}.");

        try
        {
            var message = fromScheduler == StopRequestOutcome.RemovedWhileWaiting ? "stopped while queued" : "stopped; its process had ended";
            notifier.Publish(dir.Apply(run => run.Stop(null, message)));
            return RunCommandResult.Accepted($"Run '{runId}' is stopped.");
        }
        catch (RunStatusChangeException e)
        {
            return RunCommandResult.Conflict(e.Message);
        }
    }
}
