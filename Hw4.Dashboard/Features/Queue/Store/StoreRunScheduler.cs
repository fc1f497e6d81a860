using Hw4.Dashboard.Features.Streaming;
using Hw4.Ml.Lifecycle.Events;
using Hw4.Ml.Runs;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>
/// A team deployment's scheduler (PostgreSQL store): a queued run is a row of the store's job table, shared by every
/// host, training and denoising alike. Hosts that train take rows through their <see cref="StoreJobClaimer"/> onto their
/// own device queue; every host's <see cref="StoreJobSweeper"/> takes rows back from hosts that fell silent.
/// </summary>
public sealed class StoreRunScheduler(
    StoreJobQueue store, RunQueue local, RunEventNotifier notifier, IOptions<QueueOptions> options, StoreJobClaimer claimer, StoreJobSweeper sweeper)
    : IRunScheduler
{
    /// <inheritdoc />
    public bool IsShared => true;

    /// <inheritdoc />
    public bool HasRoom => true;

    /// <inheritdoc />
    public bool Enqueue(RunDirectory dir) => Add(dir, options.Value.Capacity);

    /// <inheritdoc />
    public StopRequestOutcome Stop(string runId) =>
        local.Stop(runId) ? StopRequestOutcome.StoppedHere
        : RunId.IsValid(runId) ? store.RequestStop(runId)
        : StopRequestOutcome.NotQueued;

    /// <inheritdoc />
    public async Task<IReadOnlyList<QueueEntry>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await store.ListAsync(cancellationToken);
        var waiting = 0;
        return [.. rows.Select(r => r.Host is { } host
            ? new QueueEntry(r.RunId, $"{r.RunId} (on {host})", true)
            : new QueueEntry(r.RunId, $"{++waiting}. {r.RunId}", false))];
    }

    /// <inheritdoc />
    public Task RunAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(claimer.RunAsync(stoppingToken), sweeper.RunAsync(Requeue, stoppingToken));

    /// <summary>
    /// Queues again a run whose grant the sweeper withdrew before it started: it was admitted once, so it goes back
    /// whatever the capacity.
    /// </summary>
    public void Requeue(RunDirectory dir) => Add(dir, int.MaxValue);

    private bool Add(RunDirectory dir, int capacity)
    {
        ArgumentNullException.ThrowIfNull(dir);
        var record = dir.ReadRun();
        if (!store.Enqueue(dir.Id, record.Kind, capacity, record.Attempt))
            return false;
        // The row is the queue; the event tells this host's viewers (and the index) now, not when a host claims it.
        notifier.Publish(new RunQueued(dir.Id, record.Kind, Run.Describe(record), 0));
        return true;
    }
}
