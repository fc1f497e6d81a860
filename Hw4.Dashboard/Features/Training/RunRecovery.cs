using Hw4.Dashboard.Features.Queue;
using Hw4.Ml.Lifecycle;
using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Training;

/// <summary>
/// At start, before the index is built and before anything new is queued: a run left "running" by a process that is
/// gone becomes interrupted (its completed epochs are kept, and it can be resumed), and every run left "queued" is
/// queued again in its old order on the scheduler (a denoising run too: its folder holds its input images). A folder
/// that cannot be read is left for the index to show as unreadable.
/// </summary>
public sealed class RunRecovery(IRunScheduler scheduler, RunRepository runs, ILogger<RunRecovery> logger)
    : IHostedService
{
    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var queued = new List<(RunDirectory Dir, RunRecord Record)>();
        foreach (var dir in runs.All())
        {
            try
            {
                var record = dir.ReadRun();
                if (record.Status == RunStatus.Running && record.Owner?.IsAlive() != true)
                    Interrupt(dir, record);
                else if (record.Status == RunStatus.Queued)
                    queued.Add((dir, record));
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or RunStatusChangeException)
            {
                logger.LogWarning("Run folder {Folder} was not recovered: {Reason}", dir.Path, e.Message);
            }
        }

        foreach (var (dir, _) in queued.OrderBy(q => q.Record.QueuedUtc).ThenBy(q => q.Record.CreatedUtc).ThenBy(q => q.Dir.Id, StringComparer.Ordinal))
        {
            try
            {
                if (!scheduler.Enqueue(dir))
                    logger.LogWarning("Run {RunId} stays queued on disk: the queue is full", dir.Id);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                // An unreadable run.json, or the store's queue out of reach (StoreUnavailableException is an IOException).
                logger.LogWarning("Run {RunId} stays queued on disk: {Reason}", dir.Id, e.Message);
            }
        }

        if (queued.Count > 0)
            logger.LogInformation("Queued {Count} run(s) again that were waiting when the server stopped", queued.Count);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Interrupt(RunDirectory dir, RunRecord record)
    {
        var ended = dir.Apply(run => run.Interrupt(RunInterruption.ProcessEnded, record.Attempt));
        logger.LogWarning("Run {RunId}: {Message}", dir.Id, ended.Message);
    }
}
