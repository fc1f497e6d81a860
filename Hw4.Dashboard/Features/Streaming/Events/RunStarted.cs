namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>The run began on <paramref name="Device"/>; totals let clients draw progress and ETA.</summary>
public sealed record RunStarted(string RunId, string Kind, string Device, int TotalEpochs, int BatchesPerEpoch) : RunEvent(RunId);
