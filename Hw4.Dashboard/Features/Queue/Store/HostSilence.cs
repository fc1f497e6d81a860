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
    public IReadOnlyList<(JobRow Job, TimeSpan SilentFor)> Look(IReadOnlyList<JobRow> held, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(held);
        var since = _lastLook is { } last ? Clamp(now - last) : (TimeSpan?)null;
        _lastLook = now;
        var next = new Dictionary<string, (long, DateTimeOffset?, TimeSpan)>(StringComparer.Ordinal);
        var expired = new List<(JobRow, TimeSpan)>();
        foreach (var job in held)
        {
            var silent = since is { } step && _seen.TryGetValue(job.RunId, out var before) && before.Attempt == job.Attempt && before.Beat == job.HeartbeatAt
                ? before.Silent + step
                : TimeSpan.Zero;
            next[job.RunId] = (job.Attempt, job.HeartbeatAt, silent);
            if (silent >= timeout)
                expired.Add((job, silent));
        }

        _seen = next;
        return expired;
    }

    private TimeSpan Clamp(TimeSpan gap) => gap < TimeSpan.Zero ? TimeSpan.Zero : gap > 2 * interval ? 2 * interval : gap;
}
