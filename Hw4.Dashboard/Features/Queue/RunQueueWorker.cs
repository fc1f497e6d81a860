using System.Diagnostics;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Dashboard.Features.Streaming.Events;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>The one consumer of <see cref="RunQueue"/>: runs jobs one after another and reports how each ended.</summary>
public sealed class RunQueueWorker(RunQueue queue, RunEventNotifier notifier, ILogger<RunQueueWorker> logger) : BackgroundService
{
    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var run in queue.Reader.ReadAllAsync(stoppingToken))
        {
            using (run)
            {
                queue.MarkActive(run);
                var clock = Stopwatch.StartNew();
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(run.Token, stoppingToken);
                try
                {
                    if (!run.StopRequested)
                    {
                        // Training is CPU-bound and synchronous inside; keep it off the request threads.
                        await Task.Run(() => run.Job.RunAsync(linked.Token), CancellationToken.None);
                    }

                    notifier.Publish(new RunFinished(run.Job.RunId, clock.Elapsed.TotalSeconds, run.StopRequested));
                }
                catch (OperationCanceledException) when (linked.IsCancellationRequested)
                {
                    notifier.Publish(new RunFinished(run.Job.RunId, clock.Elapsed.TotalSeconds, Stopped: true));
                }
                catch (RunDivergedException e)
                {
                    notifier.Publish(new RunDiverged(run.Job.RunId, e.Epoch, e.Batch, e.Message, e.LastFiniteLoss));
                }
                catch (Exception e)
                {
                    logger.LogError(e, "Run {RunId} failed", run.Job.RunId);
                    notifier.Publish(new RunFailed(run.Job.RunId, e.Message));
                }
                finally
                {
                    queue.MarkActive(null);
                }
            }
        }
    }
}
