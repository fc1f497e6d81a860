using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// What the hub sends for one run: one event (<see cref="IRunsClient.ReceiveEvent"/>), or a bundle of consecutive
/// training batches (<see cref="IRunsClient.ReceiveEvents"/>).
/// </summary>
public sealed record HubMessage(string RunId, IReadOnlyList<RunEventEnvelope> Events, bool IsBundle);

/// <summary>
/// Bundles a run's training batches for the hub: at most <c>perSecond</c> hub messages carrying batches per run, each
/// with every batch numbered since the one before, so a hub client keeps every point at a rate it can draw, whatever
/// the trainer's batch rate, and the server writes a few frames a second per connection instead of one per batch. Any
/// other event of the run first sends the pending bundle, then goes alone, so hub clients see the log's order.
/// Components are not bundled (they get every event from the notifier at once). Single-threaded: only the pump calls
/// it; time comes in as an argument so tests control it.
/// </summary>
public sealed class HubProgressBundler(double perSecond)
{
    private readonly TimeSpan _interval = TimeSpan.FromSeconds(1 / perSecond);
    private readonly Dictionary<string, Run> _runs = new(StringComparer.Ordinal);

    /// <summary>The earliest time a pending bundle becomes due, or null when none waits.</summary>
    public TimeSpan? NextDeadline =>
        _runs.Values.Where(r => r.Pending.Count > 0).Select(r => (TimeSpan?)r.Deadline).Min();

    /// <summary>Takes a numbered event at <paramref name="now"/>; returns what to send now, in order.</summary>
    public IReadOnlyList<HubMessage> Offer(RunEventEnvelope envelope, TimeSpan now)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Event is not BatchProgress)
        {
            var sends = new List<HubMessage>(2);
            if (Flush(envelope.RunId, now) is { } pending)
                sends.Add(pending);
            sends.Add(new HubMessage(envelope.RunId, [envelope], IsBundle: false));
            if (envelope.Event.IsTerminal)
                _runs.Remove(envelope.RunId);
            return sends;
        }

        if (!_runs.TryGetValue(envelope.RunId, out var run))
            _runs[envelope.RunId] = run = new Run(_interval);
        run.Pending.Add(envelope);
        return now >= run.Deadline ? [Take(envelope.RunId, run, now)] : [];
    }

    /// <summary>
    /// The run's pending bundle, sent now (before a connection attaches to the run: its replay then starts after the
    /// last event the group was sent).
    /// </summary>
    public HubMessage? Flush(string runId, TimeSpan now) =>
        _runs.TryGetValue(runId, out var run) && run.Pending.Count > 0 ? Take(runId, run, now) : null;

    /// <summary>The bundles whose time has come, oldest deadline first.</summary>
    public IReadOnlyList<HubMessage> FlushDue(TimeSpan now) =>
        _runs.Where(kv => kv.Value.Pending.Count > 0 && kv.Value.Deadline <= now)
            .OrderBy(kv => kv.Value.Deadline)
            .ToList()
            .Select(kv => Take(kv.Key, kv.Value, now))
            .ToList();

    private static HubMessage Take(string runId, Run run, TimeSpan now)
    {
        var events = run.Pending.ToArray();
        run.Pending.Clear();
        run.LastSent = now;
        return new HubMessage(runId, events, IsBundle: true);
    }

    private sealed class Run(TimeSpan interval)
    {
        public readonly List<RunEventEnvelope> Pending = [];
        public TimeSpan? LastSent;

        // The first batch of a run leaves at once; later ones at most one bundle per interval.
        public TimeSpan Deadline => LastSent is { } t ? t + interval : TimeSpan.MinValue;
    }
}
