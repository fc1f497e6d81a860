namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>An event as delivered: its per-run sequence number (1, 2, 3, … with no gaps) and when it was emitted.</summary>
public sealed record RunEventEnvelope(long Seq, DateTimeOffset At, RunEvent Event)
{
    /// <summary>The run the event belongs to.</summary>
    public string RunId => Event.RunId;
}
