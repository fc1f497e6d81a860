namespace Hw4.Dashboard.Features.Queue;

/// <summary>What asking the scheduler to stop a run did.</summary>
public enum StopRequestOutcome
{
    /// <summary>The run was not scheduled: the caller settles it from its folder, if at all.</summary>
    NotQueued,

    /// <summary>It was waiting in the store's queue: its row is gone, and the caller ends it as stopped.</summary>
    RemovedWhileWaiting,

    /// <summary>Another host holds it: the host reads the request with its next heartbeat and stops it.</summary>
    SignalledHolder,

    /// <summary>It is on this host's device queue: a waiting run ended stopped now, an active one stops between two batches.</summary>
    StoppedHere,
}
