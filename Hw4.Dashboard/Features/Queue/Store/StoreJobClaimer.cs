using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Training;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>
/// Feeds this host's device from the store's queue (PostgreSQL store, <see cref="Hw4Options.Train"/> true): when the
/// device is idle it claims the oldest waiting run, puts it on the local <see cref="RunQueue"/> (where it trains like
/// any run), heartbeats while it is there, passes on a stop requested by any host, and removes the row when the run
/// has ended. A database error is logged and retried; it never ends the host.
/// </summary>
public sealed class StoreJobClaimer(
    StoreJobQueue store,
    RunQueue local,
    TrainingLauncher launcher,
    HostIdentity host,
    IOptions<Hw4Options> options,
    IOptions<QueueOptions> queueOptions,
    ILogger<StoreJobClaimer> logger) : BackgroundService
{
    private TimeSpan Heartbeat => TimeSpan.FromSeconds(queueOptions.Value.HeartbeatSeconds);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.UsesPostgres || !options.Value.Train)
            return;
        logger.LogInformation("Taking runs from the store's queue as host {Host}", host.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (local.Length == 0 && await store.ClaimNextAsync(host.Name, stoppingToken) is { } job)
                {
                    await HoldAsync(job.RunId, stoppingToken);
                    continue;
                }
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning("The store's queue could not be read ({Reason}); trying again", e.Message);
            }

            await Task.Delay(TimeSpan.FromSeconds(queueOptions.Value.PollSeconds), stoppingToken);
        }
    }

    // From the claim to the run's end on this host's device: heartbeats, stop requests, then the row's removal.
    private async Task HoldAsync(string runId, CancellationToken stoppingToken)
    {
        var path = Path.Combine(RunStorePaths.ArtifactsDir(options.Value), runId);
        if (!File.Exists(Path.Combine(path, RunDirectory.RunFile)) || !launcher.EnqueueHere(RunDirectory.Open(path, options.Value.RunFiles)))
        {
            logger.LogWarning("Run {RunId} was claimed but its folder {Folder} is missing or the device queue is full; leaving it", runId, path);
            await store.FinishAsync(runId, host.Name, stoppingToken);
            return;
        }

        using var ended = new SemaphoreSlim(0);
        void OnChanged()
        {
            if (!local.Contains(runId))
                ended.Release();
        }

        local.Changed += OnChanged;
        try
        {
            while (local.Contains(runId))
            {
                await BeatAsync(runId, stoppingToken);
                await ended.WaitAsync(Heartbeat, stoppingToken);
            }
        }
        finally
        {
            local.Changed -= OnChanged;
        }

        await store.FinishAsync(runId, host.Name, CancellationToken.None);
    }

    private async Task BeatAsync(string runId, CancellationToken stoppingToken)
    {
        HeartbeatOutcome outcome;
        try
        {
            outcome = await store.HeartbeatAsync(runId, host.Name, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("Heartbeat for run {RunId} failed ({Reason}); trying again", runId, e.Message);
            return;
        }

        switch (outcome)
        {
            case HeartbeatOutcome.StopRequested:
                local.Stop(runId);
                break;
            case HeartbeatOutcome.Lost:
                // Another host has marked it interrupted: training on would write into a run that is no longer ours.
                logger.LogWarning("Run {RunId} was taken from host {Host} (heartbeats missed); stopping it here", runId, host.Name);
                local.Stop(runId);
                break;
        }
    }
}
