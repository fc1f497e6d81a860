using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// Rate-limits denoising progress per run to <see cref="StreamingOptions.DenoiseProgressPerSecond"/>, keeping only the
/// latest in between (coalescing; each step carries a preview the viewer replaces), whatever rate the producer has.
/// Every other event passes at once, after any progress still pending for its run, so a client never sees a step out of
/// order. Training batches are never dropped: the hub bundles them (<see cref="HubProgressBundler"/>). Single-threaded:
/// only the pump calls it; time comes in as an argument so tests control it.
/// </summary>
public sealed class RunEventThrottle(StreamingOptions options)
{
    private readonly Dictionary<(string RunId, Type Kind), Slot> _slots = [];

    /// <summary>The earliest time a pending event becomes due, or null when nothing waits.</summary>
    public TimeSpan? NextDeadline =>
        _slots.Values.Where(s => s.Pending is not null).Select(s => (TimeSpan?)s.Deadline).Min();

    /// <summary>Takes an event at time <paramref name="now"/>; returns what to emit now, in order.</summary>
    public IReadOnlyList<RunEvent> Offer(RunEvent e, TimeSpan now)
    {
        if (IntervalFor(e) is not { } interval)
        {
            var emitted = new List<RunEvent>();
            foreach (var (key, slot) in _slots.Where(kv => kv.Key.RunId == e.RunId).OrderBy(kv => kv.Value.Deadline))
            {
                if (slot.Pending is not null)
                    emitted.Add(slot.Take(now));
            }

            emitted.Add(e);
            if (e.IsTerminal)
            {
                foreach (var key in _slots.Keys.Where(k => k.RunId == e.RunId).ToList())
                    _slots.Remove(key);
            }

            return emitted;
        }

        var k = (e.RunId, e.GetType());
        if (!_slots.TryGetValue(k, out var s))
            _slots[k] = s = new Slot(interval);

        if (s.Pending is null && (s.LastEmit is null || now - s.LastEmit.Value >= interval))
        {
            s.LastEmit = now;
            return [e];
        }

        s.Pending = e;
        return [];
    }

    /// <summary>Returns the pending events whose time has come, oldest deadline first.</summary>
    public IReadOnlyList<RunEvent> FlushDue(TimeSpan now) =>
        _slots.Values
            .Where(s => s.Pending is not null && s.Deadline <= now)
            .OrderBy(s => s.Deadline)
            .ToList()
            .Select(s => s.Take(now))
            .ToList();

    private TimeSpan? IntervalFor(RunEvent e) => e switch
    {
        DenoiseProgress => Interval(options.DenoiseProgressPerSecond),
        _ => null,
    };

    private static TimeSpan Interval(double perSecond) =>
        perSecond > 0 ? TimeSpan.FromSeconds(1 / perSecond) : TimeSpan.Zero;

    private sealed class Slot(TimeSpan interval)
    {
        public TimeSpan? LastEmit;
        public RunEvent? Pending;

        public TimeSpan Deadline => (LastEmit ?? TimeSpan.Zero) + interval;

        public RunEvent Take(TimeSpan now)
        {
            var e = Pending!;
            Pending = null;
            LastEmit = now;
            return e;
        }
    }
}
