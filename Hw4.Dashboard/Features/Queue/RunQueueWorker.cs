using Hw4.Ml.Lifecycle;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// The one consumer of <see cref="RunQueue"/>: runs jobs one after another. Each job ends its own run; a job that
/// throws anyway is ended here as failed with the exception's message, and the worker goes on with the next.
/// </summary>
public sealed class RunQueueWorker(RunQueue queue, ILogger<RunQueueWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var run in queue.Reader.ReadAllAsync(stoppingToken))
        {
            using (run)
            {
                // Stopped while waiting: the queue already ended it.
                if (run.StopRequested)
                    continue;
                queue.MarkActive(run);
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(run.Token, stoppingToken);
                try
                {
                    // Training is CPU-bound and synchronous inside; keep it off the request threads.
                    await Task.Run(() => run.Job.RunAsync(linked.Token), CancellationToken.None);
                }
                catch (Ml.Runs.RunLeaseLostException e)
                {
                    // Another grant holds the run (or it was judged dead here): its holder says how it ends.
                    logger.LogWarning("Run {RunId}: {Reason}", run.Job.RunId, e.Message);
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Run {RunId} failed", run.Job.RunId);
                    EndSafely(run.Job, e.Message.ReplaceLineEndings(" "));
                }
                finally
                {
                    queue.MarkActive(null);
                }
            }
        }
    }

    private void EndSafely(IRunJob job, string message)
    {
        try
        {
            job.End(RunStatus.Failed, message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Ending run {RunId} as failed did not work either", job.RunId);
        }
    }
}
