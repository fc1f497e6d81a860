using System.Text.Json.Serialization;

namespace Hw4.Ml.Training.Events;

/// <summary>
/// Something that happened in a training run. Events are immutable records of plain numbers and strings (never tensors)
/// so that a sink may keep them, serialise them or send them to another thread after the step that raised them. As JSON
/// (metrics.jsonl) each carries a <c>type</c> field: batch, epoch, checkpoint, evaluated, finished, failed, cancelled, diverged.
/// </summary>
/// <param name="RunId">The run that raised the event.</param>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(BatchProgress), "batch")]
[JsonDerivedType(typeof(EpochCompleted), "epoch")]
[JsonDerivedType(typeof(CheckpointSaved), "checkpoint")]
[JsonDerivedType(typeof(Evaluated), "evaluated")]
[JsonDerivedType(typeof(Finished), "finished")]
[JsonDerivedType(typeof(Failed), "failed")]
[JsonDerivedType(typeof(Cancelled), "cancelled")]
[JsonDerivedType(typeof(Diverged), "diverged")]
public abstract record TrainingEvent(string RunId);
