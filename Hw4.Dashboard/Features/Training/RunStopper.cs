using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Queue.Store;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// Stops a run wherever it stands: on this server's queue (waiting: it ends stopped at once; active: between two
/// batches), or from its folder when no live process owns it (a run left running or interrupted by a dead process).
/// With the PostgreSQL store, a run in the store's queue is stopped through it: a waiting one leaves it and ends
/// stopped here, a held one is flagged and its host stops it at its next heartbeat. A run trained by another live
/// process outside the queue (the CLI) is refused with the process named.
/// </summary>
public sealed class RunStopper(RunQueue queue, StoreJobQueue store, RunEventNotifier notifier, RunRepository runs, IOptions<Hw4Options> options)
{
    /// <summary>Stops <paramref name="runId"/>; the result says what happens or why nothing does.</summary>
    public RunCommandResult Stop(string runId)
    {
        if (queue.Stop(runId))
            return RunCommandResult.Accepted($"Stopping run '{runId}'.");
        var fromStore = options.Value.UsesPostgres && RunId.IsValid(runId) ? store.RequestStop(runId) : StopRequestOutcome.NotQueued;
        if (fromStore == StopRequestOutcome.SignalledHolder)
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
            var message = fromStore == StopRequestOutcome.RemovedWhileWaiting ? "stopped while queued" : "stopped; its process had ended";
            notifier.Publish(dir.Apply(run => run.Stop(null, message)));
            return RunCommandResult.Accepted($"Run '{runId}' is stopped.");
        }
        catch (RunStatusChangeException e)
        {
            return RunCommandResult.Conflict(e.Message);
        }
    }
}
