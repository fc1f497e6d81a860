using Hw4.Ml.Lifecycle.Events;

namespace Hw4.Dashboard.Features.Streaming;

/// <summary>
/// A run's event as delivered: Hw4.Ml's own <see cref="RunEvent"/> with its per-run sequence number (1, 2, 3, … with
/// no gaps) and when it was emitted.
/// </summary>
public sealed record RunEventEnvelope(long Seq, DateTimeOffset At, RunEvent Event)
{
    /// <summary>The run the event belongs to.</summary>
    public string RunId => Event.RunId;
}
