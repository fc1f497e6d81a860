namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>What asking the store's queue to stop a run did.</summary>
public enum StopRequestOutcome
{
    /// <summary>The run was not in the queue.</summary>
    NotQueued,

    /// <summary>It was waiting: its row is gone, and the caller ends it as stopped.</summary>
    RemovedWhileWaiting,

    /// <summary>A host holds it: the host reads the request with its next heartbeat and stops it.</summary>
    SignalledHolder,
}
