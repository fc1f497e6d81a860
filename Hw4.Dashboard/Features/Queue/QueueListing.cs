using Hw4.Dashboard.Configuration;
using Hw4.Dashboard.Features.Queue.Store;
using Microsoft.Extensions.Options;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>One line of the Train page's queue: the run, what it says, and whether a device is on it now.</summary>
public sealed record QueueEntry(string RunId, string Label, bool Active);

/// <summary>
/// The queue the Train page shows. On one machine, this host's device queue. With the PostgreSQL store, the team's
/// queue in the store: runs waiting for any host, in claim order, then those a host holds, with its name; this host's
/// own device queue would stay empty on an instance that only serves pages (<c>Hw4:Train=false</c>).
/// </summary>
public sealed class QueueListing(RunQueue local, StoreJobQueue store, IOptions<Hw4Options> options)
{
    /// <summary>True when the queue shown is the store's, shared by every host (it changes without local events).</summary>
    public bool IsShared => options.Value.UsesPostgres;

    /// <summary>This host's device queue now (no I/O).</summary>
    public IReadOnlyList<QueueEntry> Local() =>
    [
        .. local.Active is { } a ? new[] { new QueueEntry(a.Job.RunId, $"{a.Job.RunId} (running)", true) } : [],
        .. local.Waiting.Select((w, i) => new QueueEntry(w.Job.RunId, $"{i + 1}. {w.Job.RunId}", false)),
    ];

    /// <summary>The queue to show: the store's rows with PostgreSQL, else <see cref="Local"/>.</summary>
    public async Task<IReadOnlyList<QueueEntry>> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!IsShared)
            return Local();
        var rows = await store.ListAsync(cancellationToken);
        var waiting = 0;
        return [.. rows.Select(r => r.Host is { } host
            ? new QueueEntry(r.RunId, $"{r.RunId} (on {host})", true)
            : new QueueEntry(r.RunId, $"{++waiting}. {r.RunId}", false))];
    }
}
