using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>
/// On every host with the PostgreSQL store: takes the runs of hosts that stopped heartbeating
/// (<see cref="QueueOptions.HeartbeatTimeoutSeconds"/>) out of the queue. A run that had started becomes interrupted
/// (its completed epochs kept, resumable on any host); one that was claimed but not yet started is queued again.
/// </summary>
public sealed class StoreJobSweeper(
    StoreJobQueue store,
    TrainingLauncher launcher,
    RunEventNotifier notifier,
    IOptions<Hw4Options> options,
    IOptions<QueueOptions> queueOptions,
    TimeProvider time,
    ILogger<StoreJobSweeper> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesPostgres)
            return;
        var timeout = TimeSpan.FromSeconds(queueOptions.Value.HeartbeatTimeoutSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var job in await store.ExpireAsync(timeout, stoppingToken))
                    Settle(job);
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("Looking for runs of silent hosts failed ({Reason}); trying again", e.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(queueOptions.Value.HeartbeatSeconds), stoppingToken);
        }
    }

    private void Settle(ExpiredJob job)
    {
        var path = Path.Combine(RunStorePaths.ArtifactsDir(options.Value), job.RunId);
        try
        {
            var dir = RunDirectory.Open(path, options.Value.RunFiles);
            var record = dir.ReadRun();
            if (record.Status == RunStatus.Queued)
            {
                launcher.Enqueue(dir);
                logger.LogWarning("Run {RunId}: host {Host} stopped heartbeating before it started; queued again", job.RunId, job.Host);
                return;
            }

            if (record.Status != RunStatus.Running)
                return;
            var message = RunRecovery.TrainInterruptMessage(dir, $"host {job.Host} stopped heartbeating at {job.LastHeartbeat.ToUniversalTime():u}");
            dir.Transition(RunStatus.Interrupted, r => r with { Message = message, FinishedUtc = time.GetUtcNow(), Owner = null });
            notifier.Publish(new RunEnded(job.RunId, RunStatus.Interrupted, message, 0));
            logger.LogWarning("Run {RunId}: {Message}", job.RunId, message);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or RunStatusChangeException)
        {
            logger.LogWarning("Run {RunId} of silent host {Host} could not be marked interrupted: {Reason}", job.RunId, job.Host, e.Message);
        }
    }
}
