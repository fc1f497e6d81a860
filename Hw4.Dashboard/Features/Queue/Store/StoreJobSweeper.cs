using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>
/// On every host with the PostgreSQL store: takes the runs of hosts that stopped heartbeating out of the queue. Silence
/// is counted by <see cref="HostSilence"/>, only over time in which this sweeper reached the store, so an outage of the
/// store never expires a lease, and after it every holder gets a full <see cref="QueueOptions.HeartbeatTimeoutSeconds"/>
/// to beat again. A row is removed only as it was judged (same holder, attempt and heartbeat). Its attempt is then
/// settled in the run folder, under the folder's lock: a run it had started becomes interrupted (its completed epochs
/// kept, resumable on any host), and the holder's next write is refused; one claimed but not started has that grant
/// withdrawn (so its holder can no longer start it) and is queued again, untouched otherwise.
/// </summary>
public sealed class StoreJobSweeper(
    StoreJobQueue store,
    RunEventNotifier notifier,
    RunRepository runs,
    IOptions<QueueOptions> queueOptions,
    TimeProvider time,
    ILogger<StoreJobSweeper> logger)
{
    /// <summary>
    /// Looks for silent hosts every heartbeat interval until shutdown; <paramref name="requeue"/> puts a run whose grant
    /// was withdrawn before it started back in the store's queue.
    /// </summary>
    public async Task RunAsync(Action<RunDirectory> requeue, CancellationToken stoppingToken)
    {
        ArgumentNullException.ThrowIfNull(requeue);
        var interval = TimeSpan.FromSeconds(queueOptions.Value.HeartbeatSeconds);
        var silence = new HostSilence(TimeSpan.FromSeconds(queueOptions.Value.HeartbeatTimeoutSeconds), interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var held = await store.HeldAsync(stoppingToken);
                foreach (var (job, silent) in silence.Look(held, time.GetElapsedTime(0)))
                {
                    if (await store.ExpireAsync(job, stoppingToken))
                        Settle(new ExpiredJob(job.RunId, job.Host!, job.Attempt, silent), requeue);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                silence.Unreachable();
                logger.LogWarning("Looking for runs of silent hosts failed ({Reason}); silence is not counted until the store answers", e.Message);
            }

            await Task.Delay(interval, time, stoppingToken);
        }
    }

    private void Settle(ExpiredJob job, Action<RunDirectory> requeue)
    {
        try
        {
            if (runs.TryOpen(job.RunId) is not { } dir)
                return;
            var cause = $"host {job.Host} stopped heartbeating (silent for {job.SilentFor.TotalSeconds:0} s)";
            var (ended, queueAgain) = dir.Apply(run =>
            {
                switch (run.Record)
                {
                    case { Status: RunStatus.Queued }:
                        run.Revoke(job.Attempt);
                        return ((RunEnded?)null, true);
                    case { Status: RunStatus.Running } r when r.Attempt == job.Attempt:
                        return (run.Interrupt(cause, job.Attempt), false);
                    default:
                        // Ended, or held by a later grant: nothing of this attempt is left to settle.
                        return (null, false);
                }
            });
            if (queueAgain)
            {
                requeue(dir);
                logger.LogWarning("Run {RunId}: host {Host} stopped heartbeating before it started; queued again", job.RunId, job.Host);
            }
            else if (ended is not null)
            {
                notifier.Publish(ended);
                logger.LogWarning("Run {RunId}: {Message}", job.RunId, ended.Message);
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or RunStatusChangeException)
        {
            logger.LogWarning("Run {RunId} of silent host {Host} could not be settled: {Reason}", job.RunId, job.Host, e.Message);
        }
    }

}
