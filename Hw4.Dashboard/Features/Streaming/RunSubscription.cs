using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// A component's subscription to one run (or all runs when <see cref="RunId"/> is null). <see cref="Replay"/> holds what
/// happened before; later events reach the handler exactly once, in sequence order. Dispose to unsubscribe.
/// </summary>
public sealed class RunSubscription : IDisposable
{
    private readonly Action<RunEventEnvelope> _handler;
    private readonly Action<RunSubscription> _remove;
    private readonly Dictionary<string, long> _lastSeq = new(StringComparer.Ordinal);
    private int _disposed;

    internal RunSubscription(string? runId, RunReplay? replay, Action<RunEventEnvelope> handler, Action<RunSubscription> remove)
    {
        RunId = runId;
        Replay = replay;
        _handler = handler;
        _remove = remove;
        if (replay is not null)
            _lastSeq[replay.RunId] = replay.LastSeq;
    }

    /// <summary>The run followed, or null for every run.</summary>
    public string? RunId { get; }

    /// <summary>The events before the subscription (null for an all-runs subscription).</summary>
    public RunReplay? Replay { get; }

    /// <summary>Called by the pump thread only; drops what the replay already covered.</summary>
    internal void Deliver(RunEventEnvelope envelope)
    {
        if (Volatile.Read(ref _disposed) != 0 || (RunId is not null && RunId != envelope.RunId))
            return;
        if (_lastSeq.TryGetValue(envelope.RunId, out var last) && envelope.Seq <= last)
            return;
        _lastSeq[envelope.RunId] = envelope.Seq;
        _handler(envelope);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
            _remove(this);
    }
}
