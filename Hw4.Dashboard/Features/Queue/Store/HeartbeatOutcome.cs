namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>What a holder learns from a heartbeat.</summary>
public enum HeartbeatOutcome
{
    /// <summary>It still holds the run; go on.</summary>
    Held,

    /// <summary>It still holds the run, and someone asked for it to stop.</summary>
    StopRequested,

    /// <summary>It no longer holds the run (its heartbeats stopped for longer than the timeout and the run was marked interrupted).</summary>
    Lost,
}
