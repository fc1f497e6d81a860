namespace Hw4.Ml.Training.Events;

/// <summary>Raised after the end-of-epoch checkpoint is on disk.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Epoch">The epoch the checkpoint holds.</param>
/// <param name="Path">The model parameter file (<c>checkpoints/model_&lt;epoch&gt;.params</c>).</param>
public sealed record CheckpointSaved(string RunId, int Epoch, string Path) : TrainingEvent(RunId);
