namespace Hw4.Ml.Lifecycle.Events;

/// <summary>Raised once the end-of-epoch checkpoint (model, optimizer and state files) is on disk.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">The epoch the checkpoint holds.</param>
/// <param name="Path">The model parameter file (<c>checkpoints/model_&lt;epoch&gt;.params</c>).</param>
public sealed record CheckpointSaved(string RunId, int Epoch, string Path) : RunEvent(RunId);
