namespace Hw4.Ml.Training.Events;

/// <summary>
/// Something that happened in a training run. Events are immutable records of plain numbers and strings (never tensors)
/// so that a sink may keep them, serialise them or send them to another thread after the step that raised them.
/// </summary>
/// <param name="RunId">The run that raised the event.</param>
public abstract record TrainingEvent(string RunId);
