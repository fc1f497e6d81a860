namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>The run waits in the queue at <paramref name="Position"/> (1 = next).</summary>
public sealed record RunQueued(string RunId, string Kind, string Description, int Position) : RunEvent(RunId);
