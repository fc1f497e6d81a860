namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>A checkpoint of <paramref name="Epoch"/> was written; <paramref name="IsBest"/> marks the best validation loss so far.</summary>
public sealed record CheckpointSaved(string RunId, int Epoch, string Path, bool IsBest) : RunEvent(RunId);
