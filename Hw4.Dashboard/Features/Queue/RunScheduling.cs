using Hw4.Ml.Runs;

namespace Hw4.Dashboard.Features.Queue;

/// <summary>How a new run reaches the scheduler: its folder and its place in the queue exist together or not at all.</summary>
public static class RunScheduling
{
    /// <summary>The answer when the queue has no room.</summary>
    public const string QueueFull = "The queue is full; wait for a run to finish or stop one.";

    /// <summary>
    /// Queues the new run in <paramref name="dir"/>: its id, or null with <see cref="QueueFull"/>. The folder is made
    /// first (a crash between the two leaves a queued folder, which the next start queues again) and removed when the
    /// queue refuses it or cannot be reached.
    /// </summary>
    /// <exception cref="StoreUnavailableException">The store's queue cannot be reached (no folder is left).</exception>
    public static (string? RunId, string? Error) Submit(this IRunScheduler scheduler, RunDirectory dir)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        ArgumentNullException.ThrowIfNull(dir);
        bool queued;
        try
        {
            queued = scheduler.Enqueue(dir);
        }
        catch
        {
            Directory.Delete(dir.Path, recursive: true);
            throw;
        }

        if (queued)
            return (dir.Id, null);
        Directory.Delete(dir.Path, recursive: true);
        return (null, QueueFull);
    }
}
