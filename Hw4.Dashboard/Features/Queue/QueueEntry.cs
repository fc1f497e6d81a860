namespace Hw4.Dashboard.Features.Queue;

/// <summary>One line of the Train page's queue: the run, what it says, and whether a device is on it now.</summary>
public sealed record QueueEntry(string RunId, string Label, bool Active);
