using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>
/// Where runs with a folder (training and denoising) wait for a device: this host's device queue on one machine
/// (<see cref="LocalRunScheduler"/>), the store's job table shared by every host in a team deployment
/// (<see cref="Store.StoreRunScheduler"/>). One of the two is chosen at start (<c>AddRunQueue</c>); nothing else asks
/// which store is configured.
/// </summary>
public interface IRunScheduler
{
    /// <summary>True when the queue is the store's, shared by every host (it changes without this host's events).</summary>
    bool IsShared { get; }

    /// <summary>False when a new run would be refused now (the store's queue checks its capacity as it adds the row).</summary>
    bool HasRoom { get; }

    /// <summary>Queues the run in <paramref name="dir"/>, whose run.json says queued; false when the queue is full.</summary>
    /// <exception cref="StoreUnavailableException">The store's queue cannot be reached.</exception>
    bool Enqueue(RunDirectory dir);

    /// <summary>Asks for <paramref name="runId"/> to stop wherever it is scheduled.</summary>
    /// <exception cref="StoreUnavailableException">The store's queue cannot be reached.</exception>
    StopRequestOutcome Stop(string runId);

    /// <summary>The queue to show: waiting runs in order, then those a device is on.</summary>
    Task<IReadOnlyList<QueueEntry>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>The scheduler's own loops until shutdown (the store's claimer and sweeper); none for the local queue.</summary>
    Task RunAsync(CancellationToken stoppingToken);
}
