namespace Hw4.Dashboard.Store;

/// <summary>
/// A queued run as a row of the PostgreSQL store's job queue: present from queueing until the run ends. The run's
/// status stays in its folder (<c>run.json</c>); the row says only who holds the run and whether it is still alive.
/// </summary>
public sealed class JobRow
{
    /// <summary>The run id (its folder under the artifacts folder).</summary>
    public required string RunId { get; set; }

    /// <summary><c>train</c> (the only kind a host reads back from its folder).</summary>
    public required string Kind { get; set; }

    /// <summary>When it was queued: claims take the oldest first.</summary>
    public DateTimeOffset QueuedAt { get; set; }

    /// <summary>The host that claimed it (its <c>--name</c>), or null while it waits.</summary>
    public string? Host { get; set; }

    /// <summary>When the host claimed it.</summary>
    public DateTimeOffset? ClaimedAt { get; set; }

    /// <summary>The holder's last heartbeat; a holder silent for the heartbeat timeout has lost the run.</summary>
    public DateTimeOffset? HeartbeatAt { get; set; }

    /// <summary>
    /// The run's attempt number this row grants: run.json's when queued, one more at each claim. The holder's
    /// heartbeats and the sweeper's expiry name it, so a stale holder or a stale judgement changes nothing.
    /// </summary>
    public long Attempt { get; set; }

    /// <summary>Set by any instance to ask the holder to stop; the holder reads it with its heartbeat.</summary>
    public bool StopRequested { get; set; }
}
