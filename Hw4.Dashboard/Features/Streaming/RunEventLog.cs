using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// Bounded per-run memory of emitted events, for snapshots and replay. Progress events age out after
/// <c>capacityPerRun</c>; milestones (start, epochs, checkpoints, the end) are kept separately, also up to
/// <c>capacityPerRun</c>, so a snapshot still tells the whole story of any realistic run. Thread-safe.
/// </summary>
public sealed class RunEventLog(int capacityPerRun, int maxRuns)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RunHistory> _runs = new(StringComparer.Ordinal);
    private long _touch;

    /// <summary>The last sequence number emitted for <paramref name="runId"/>, 0 when none.</summary>
    public long LastSeq(string runId)
    {
        lock (_gate)
            return _runs.TryGetValue(runId, out var h) ? h.LastSeq : 0;
    }

    /// <summary>The run ids with a log, most recently active first.</summary>
    public IReadOnlyList<string> RunIds()
    {
        lock (_gate)
            return _runs.OrderByDescending(kv => kv.Value.Touched).Select(kv => kv.Key).ToList();
    }

    /// <summary>Stamps <paramref name="e"/> with the run's next sequence number and records it.</summary>
    public RunEventEnvelope Append(RunEvent e, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(e.RunId, out var history))
            {
                EvictIfFull();
                history = new RunHistory();
                _runs[e.RunId] = history;
            }

            history.Touched = ++_touch;
            var envelope = new RunEventEnvelope(++history.LastSeq, at, e);
            Keep(history, envelope);
            return envelope;
        }
    }

    /// <summary>
    /// The events after <paramref name="lastSeq"/> when all of them are still kept, else a snapshot
    /// (also when <paramref name="lastSeq"/> is null or ahead of the log, e.g. after a server restart).
    /// </summary>
    public RunReplay Since(string runId, long? lastSeq)
    {
        lock (_gate)
        {
            if (!_runs.TryGetValue(runId, out var history))
                return new RunReplay(runId, IsSnapshot: lastSeq is null or not 0, 0, []);

            if (lastSeq is { } after && after <= history.LastSeq && after >= history.DroppedUpTo)
            {
                var missed = history.All().Where(x => x.Seq > after).ToList();
                return new RunReplay(runId, IsSnapshot: false, history.LastSeq, missed);
            }

            return new RunReplay(runId, IsSnapshot: true, history.LastSeq, history.All().ToList());
        }
    }

    /// <summary>
    /// The highest sequence number of <paramref name="runId"/> no longer kept (0 when everything is), so a copy of the
    /// log elsewhere knows from where it can replay exactly.
    /// </summary>
    public long DroppedUpTo(string runId)
    {
        lock (_gate)
            return _runs.TryGetValue(runId, out var h) ? h.DroppedUpTo : 0;
    }

    /// <summary>
    /// Records an event numbered elsewhere (a run another host trains), keeping its sequence number. An event that is
    /// not the next one (this host missed some, or first hears of the run mid-way) marks everything before it as not
    /// kept, so a replay from there is a snapshot, never a replay with a hole; one at or below the last (the run's
    /// numbering started over) starts the history afresh.
    /// </summary>
    public void Adopt(RunEventEnvelope envelope)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        lock (_gate)
        {
            if (!_runs.TryGetValue(envelope.RunId, out var history) || envelope.Seq <= history.LastSeq)
            {
                if (history is null)
                    EvictIfFull();
                history = new RunHistory();
                _runs[envelope.RunId] = history;
            }

            if (envelope.Seq != history.LastSeq + 1)
                history.DroppedUpTo = envelope.Seq - 1;
            history.LastSeq = envelope.Seq;
            history.Touched = ++_touch;
            Keep(history, envelope);
        }
    }

    /// <summary>
    /// Replaces <paramref name="runId"/>'s history with one read from a shared copy: the kept
    /// <paramref name="events"/>, the last sequence number and the highest one no longer kept.
    /// </summary>
    public void Replace(string runId, long lastSeq, long droppedUpTo, IEnumerable<RunEventEnvelope> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        lock (_gate)
        {
            if (!_runs.ContainsKey(runId))
                EvictIfFull();
            var history = new RunHistory { LastSeq = lastSeq, DroppedUpTo = droppedUpTo, Touched = ++_touch };
            foreach (var envelope in events.Where(x => x.Seq <= lastSeq).OrderBy(x => x.Seq))
                Keep(history, envelope);
            _runs[runId] = history;
        }
    }

    private void Keep(RunHistory history, RunEventEnvelope envelope)
    {
        if (IsMilestone(envelope.Event))
        {
            history.Milestones.Add(envelope);
            // Milestones are few in a real run (one per epoch); the cap only guards against a runaway producer.
            if (history.Milestones.Count > capacityPerRun)
            {
                history.DroppedUpTo = Math.Max(history.DroppedUpTo, history.Milestones[0].Seq);
                history.Milestones.RemoveAt(0);
            }
        }
        else
        {
            history.Recent.Enqueue(envelope);
            while (history.Recent.Count > capacityPerRun)
                history.DroppedUpTo = Math.Max(history.DroppedUpTo, history.Recent.Dequeue().Seq);
        }
    }

    /// <summary>True for the events kept for the whole run (everything but progress).</summary>
    public static bool IsMilestone(RunEvent e) => e is not (BatchProgress or DenoiseProgress);

    private void EvictIfFull()
    {
        if (_runs.Count < maxRuns)
            return;
        var oldest = _runs.MinBy(kv => kv.Value.Touched).Key;
        _runs.Remove(oldest);
    }

    private sealed class RunHistory
    {
        public long LastSeq;
        public long Touched;
        public readonly List<RunEventEnvelope> Milestones = [];
        public readonly Queue<RunEventEnvelope> Recent = new();

        /// <summary>The highest sequence number that aged out; a client at or above it can be replayed exactly.</summary>
        public long DroppedUpTo;

        public IEnumerable<RunEventEnvelope> All() => Milestones.Concat(Recent).OrderBy(x => x.Seq);
    }
}
