using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// Keeps the index current while the dashboard runs: when a run is queued, starts, completes an epoch, is evaluated or
/// ends, re-reads that run's folder. Index writes happen here, on a background task, never on the pump thread. Raises
/// <see cref="Changed"/> after each. It listens from construction (before any hosted service starts), so the events of
/// runs that start-up recovery queues are not missed.
/// </summary>
public sealed class RunIndexUpdater : BackgroundService
{
    private readonly System.Threading.Channels.Channel<string> _dirty = System.Threading.Channels.Channel.CreateUnbounded<string>();
    private readonly RunSubscription _subscription;
    private readonly RunIndex _index;
    private readonly Hw4.Ml.Runs.RunRepository _runs;
    private readonly ILogger<RunIndexUpdater> _logger;

    /// <summary>Subscribes to every run's events.</summary>
    public RunIndexUpdater(RunEventNotifier notifier, RunIndex index, Hw4.Ml.Runs.RunRepository runs, ILogger<RunIndexUpdater> logger)
    {
        (_index, _runs, _logger) = (index, runs, logger);
        _subscription = notifier.SubscribeAll(e =>
        {
            if (e.Event is RunQueued or RunStarted or EpochCompleted or Evaluated || e.Event.IsTerminal)
                _dirty.Writer.TryWrite(e.RunId);
        });
    }

    /// <summary>Raised (on a background thread) after a run's row was rewritten.</summary>
    public event Action<string>? Changed;

    /// <inheritdoc />
    public override void Dispose()
    {
        _subscription.Dispose();
        base.Dispose();
    }

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var runId in _dirty.Reader.ReadAllAsync(stoppingToken))
        {
            if (_runs.TryOpen(runId) is not { } dir)
                continue;
            try
            {
                await _index.UpsertAsync(dir.Path, stoppingToken);
                Changed?.Invoke(runId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                _logger.LogWarning(ex, "Indexing run {RunId} failed", runId);
            }
        }
    }
}
