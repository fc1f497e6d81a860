using Hw4.Dashboard.Features.Queue;
using Hw4.Dashboard.Features.Queue.Store;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// While the dashboard runs, not only at its start: a run that says "running" for another process (a CLI
/// <c>train</c>, another instance, a worker) whose owner is gone becomes interrupted. On this machine that is known at
/// once (no process with the owner's id and start time); elsewhere, when the owner's heartbeat in run.json has not
/// changed for <see cref="QueueOptions.HeartbeatTimeoutSeconds"/>, and never less than five of the owner's beats
/// (<see cref="RunOwner.HeartbeatInterval"/>: a short store timeout must not judge a live owner whose folder beats are
/// slower), counted only while this host could read the artifacts folder (<see cref="HostSilence"/>). The interrupt names the attempt judged, so a later grant keeps its run.
/// </summary>
public sealed class RunOwnerSweeper(
    RunRepository runs, RunEventNotifier notifier, IOptions<QueueOptions> queueOptions, TimeProvider time, ILogger<RunOwnerSweeper> logger)
    : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(queueOptions.Value.HeartbeatSeconds);
        var timeout = TimeSpan.FromSeconds(Math.Max(queueOptions.Value.HeartbeatTimeoutSeconds, 5 * RunOwner.HeartbeatInterval.TotalSeconds));
        var silence = new HostSilence(timeout, interval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var held = OwnedElsewhere();
                foreach (var (dir, record) in held.Where(h => h.Record.Owner!.Host == Environment.MachineName && !h.Record.Owner.IsAlive()))
                    Interrupt(dir, record, RunInterruption.ProcessEnded);
                foreach (var ((dir, record), silent) in silence.Look(held, h => (h.Dir.Id, h.Record.Attempt, h.Record.Owner!.HeartbeatUtc), time.GetElapsedTime(0)))
                    Interrupt(dir, record, $"its owner (process {record.Owner!.ProcessId} on {record.Owner.Host}) stopped heartbeating (silent for {silent.TotalSeconds:0} s)");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                silence.Unreachable();
                logger.LogWarning("Looking for runs of ended processes failed ({Reason}); silence is not counted until the folder answers", e.Message);
            }

            await Task.Delay(interval, time, stoppingToken);
        }
    }

    // Running runs whose owner is another process; a folder that cannot be read is left to the index to show.
    private List<(RunDirectory Dir, RunRecord Record)> OwnedElsewhere()
    {
        var held = new List<(RunDirectory, RunRecord)>();
        foreach (var dir in runs.All())
        {
            try
            {
                if (dir.ReadRun() is { Status: RunStatus.Running, Owner: { } owner } record && !owner.IsCurrentProcess())
                    held.Add((dir, record));
            }
            catch (InvalidDataException)
            {
                // Unreadable: nothing to judge.
            }
        }

        return held;
    }

    private void Interrupt(RunDirectory dir, RunRecord record, string cause)
    {
        try
        {
            var ended = dir.Apply(run => run.Record is { Status: RunStatus.Running } r && r.Attempt == record.Attempt && r.Owner == record.Owner
                ? run.Interrupt(cause, record.Attempt)
                : null);
            if (ended is null)
                return;
            notifier.Publish(ended);
            logger.LogWarning("Run {RunId}: {Message}", dir.Id, ended.Message);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or RunStatusChangeException)
        {
            logger.LogWarning("Run {RunId} of an ended process could not be marked interrupted: {Reason}", dir.Id, e.Message);
        }
    }
}
