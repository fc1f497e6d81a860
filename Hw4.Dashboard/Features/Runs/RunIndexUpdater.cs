using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Runs;

/// <summary>
/// Keeps the index current while the dashboard runs: after each epoch and when a run ends, re-reads that run's folder.
/// Index writes happen here, on a background task, never on the pump thread. Raises <see cref="Changed"/> after each.
/// </summary>
public sealed class RunIndexUpdater(RunEventNotifier notifier, RunIndex index, IOptions<Hw4Options> options, ILogger<RunIndexUpdater> logger)
    : BackgroundService
{
    private readonly System.Threading.Channels.Channel<string> _dirty = System.Threading.Channels.Channel.CreateUnbounded<string>();

    /// <summary>Raised (on a background thread) after a run's row was rewritten.</summary>
    public event Action<string>? Changed;

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var subscription = notifier.SubscribeAll(e =>
        {
            if (e.Event is RunQueued or RunStarted or EpochCompleted or Evaluated || e.Event.IsTerminal)
                _dirty.Writer.TryWrite(e.RunId);
        });
        await foreach (var runId in _dirty.Reader.ReadAllAsync(stoppingToken))
        {
            var dir = Path.Combine(RunStorePaths.RunsDir(options.Value), runId);
            if (!File.Exists(Path.Combine(dir, Hw4.Ml.Runs.RunDirectory.RunFile)))
                continue;
            try
            {
                await index.UpsertAsync(dir, stoppingToken);
                Changed?.Invoke(runId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Indexing run {RunId} failed", runId);
            }
        }
    }
}
