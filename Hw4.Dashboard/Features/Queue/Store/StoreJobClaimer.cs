using Hw4.Dashboard.Configuration;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;
using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>
/// Feeds this host's device from the store's queue (run by <see cref="StoreRunScheduler"/>, on hosts with <see cref="Hw4Options.Train"/> true): when the
/// device is idle it claims the oldest waiting run (and with it the run's next attempt number), puts it on the local
/// <see cref="RunQueue"/> (where it trains like any run, fenced by that number), heartbeats while it is there, passes on
/// a stop requested by any host, and removes the row when the run has ended. A heartbeat that finds the claim gone
/// (the sweeper judged this host dead) ends nothing here: a run not started yet leaves the local queue untouched (it is
/// queued again in the store), and a started one is stopped by the fence at its next write. A database error is logged
/// and retried; it never ends the host.
/// </summary>
public sealed class StoreJobClaimer(
    StoreJobQueue store,
    RunQueue local,
    RunJobs jobs,
    HostIdentity host,
    RunRepository runs,
    IOptions<Hw4Options> options,
    IOptions<QueueOptions> queueOptions,
    ILogger<StoreJobClaimer> logger)
{
    private TimeSpan Heartbeat => TimeSpan.FromSeconds(queueOptions.Value.HeartbeatSeconds);

    /// <summary>Claims and holds runs until shutdown; returns at once on a host that does not train (<c>Hw4:Train=false</c>).</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Train)
            return;
        logger.LogInformation("Taking runs from the store's queue as host {Host}", host.Name);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (local.Length == 0 && await store.ClaimNextAsync(host.Name, stoppingToken) is { } job)
                {
                    await HoldAsync(job, stoppingToken);
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
    private async Task HoldAsync(JobRow job, CancellationToken stoppingToken)
    {
        var runId = job.RunId;
        if (runs.TryOpen(runId) is not { } dir || !TryQueueHere(dir, job.Attempt))
        {
            logger.LogWarning("Run {RunId} was claimed but its folder is missing or unreadable under {Folder}, or the device queue is full; leaving it", runId, runs.ArtifactsDir);
            await store.FinishAsync(runId, host.Name, job.Attempt, stoppingToken);
            return;
        }

        using var ended = new SemaphoreSlim(0);
        void OnChanged()
        {
            if (!local.Contains(runId))
                ended.Release();
        }

        local.Changed += OnChanged;
        var held = true;
        try
        {
            while (local.Contains(runId))
            {
                if (held)
                    held = await BeatAsync(job, stoppingToken);
                await ended.WaitAsync(Heartbeat, stoppingToken);
            }
        }
        finally
        {
            local.Changed -= OnChanged;
        }

        if (held)
            await store.FinishAsync(runId, host.Name, job.Attempt, CancellationToken.None);
    }

    private bool TryQueueHere(Hw4.Ml.Runs.RunDirectory dir, long attempt)
    {
        try
        {
            return local.TryEnqueue(jobs.Create(dir, attempt));
        }
        catch (InvalidDataException e)
        {
            logger.LogWarning("Run {RunId} cannot run here: {Reason}", dir.Id, e.Message);
            return false;
        }
    }

    // False once the claim is gone: nothing more is beaten or removed for it.
    private async Task<bool> BeatAsync(JobRow job, CancellationToken stoppingToken)
    {
        HeartbeatOutcome outcome;
        try
        {
            outcome = await store.HeartbeatAsync(job.RunId, host.Name, job.Attempt, stoppingToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The store is down: this host goes on (its writes are fenced by the attempt in the run folder), and the
            // sweepers do not count the outage as silence.
            logger.LogWarning("Heartbeat for run {RunId} failed ({Reason}); trying again", job.RunId, e.Message);
            return true;
        }

        switch (outcome)
        {
            case HeartbeatOutcome.StopRequested:
                local.Stop(job.RunId);
                return true;
            case HeartbeatOutcome.Lost:
                // Not started here yet: it leaves this host's queue untouched (the store queued it again). Started: the
                // folder refuses this attempt's next write, which stops it; nothing is ended from here.
                var abandoned = local.Abandon(job.RunId);
                logger.LogWarning("Run {RunId}: host {Host} lost its claim (attempt {Attempt}){What}", job.RunId, host.Name, job.Attempt,
                    abandoned ? "; it had not started here and left this host's queue" : "; its writes are refused from now on");
                return false;
            default:
                return true;
        }
    }
}
