using Hw4.Dashboard.Store;

namespace Hw4.Dashboard.Features.Queue.Store;

/// <summary>
/// How long each holder of a run has been silent, counted only over time in which the judge itself reached the store:
/// between two looks that both read the held rows. A look that fails (the store is down) stops the count, and the first
/// look after it gives every holder a full timeout again, so an outage of the store (which no holder can beat through)
/// never costs a run. A gap between two looks longer than two sweep intervals (the judge itself was starved) counts
/// as two intervals: silence is never over-counted.
/// </summary>
public sealed class HostSilence(TimeSpan timeout, TimeSpan interval)
{
    private Dictionary<string, (long Attempt, DateTimeOffset? Beat, TimeSpan Silent)> _seen = new(StringComparer.Ordinal);
    private TimeSpan? _lastLook;

    /// <summary>The store could not be read: silence stops counting until the next look that reaches it.</summary>
    public void Unreachable()
    {
        _lastLook = null;
        _seen.Clear();
    }

    /// <summary>
    /// Takes a look at the held rows at <paramref name="now"/> (a monotonic time) and returns those silent for the
    /// timeout: the same holder, attempt and last heartbeat for that long.
    /// </summary>
    public IReadOnlyList<(JobRow Job, TimeSpan SilentFor)> Look(IReadOnlyList<JobRow> held, TimeSpan now) =>
        Look(held, job => (job.RunId, job.Attempt, job.HeartbeatAt), now);

    /// <summary>
    /// The same for any leases: <paramref name="lease"/> names each holding's run, attempt and last heartbeat (a run
    /// folder's owner, for a process outside the store's queue).
    /// </summary>
    public IReadOnlyList<(T Item, TimeSpan SilentFor)> Look<T>(
        IReadOnlyList<T> held, Func<T, (string Run, long Attempt, DateTimeOffset? Beat)> lease, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(held);
        ArgumentNullException.ThrowIfNull(lease);
        var since = _lastLook is { } last ? Clamp(now - last) : (TimeSpan?)null;
        _lastLook = now;
        var next = new Dictionary<string, (long, DateTimeOffset?, TimeSpan)>(StringComparer.Ordinal);
        var expired = new List<(T, TimeSpan)>();
        foreach (var item in held)
        {
            var (run, attempt, beat) = lease(item);
            var silent = since is { } step && _seen.TryGetValue(run, out var before) && before.Attempt == attempt && before.Beat == beat
                ? before.Silent + step
                : TimeSpan.Zero;
            next[run] = (attempt, beat, silent);
            if (silent >= timeout)
                expired.Add((item, silent));
        }

        _seen = next;
        return expired;
    }

    private TimeSpan Clamp(TimeSpan gap) => gap < TimeSpan.Zero ? TimeSpan.Zero : gap > 2 * interval ? 2 * interval : gap;
}
