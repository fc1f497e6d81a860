namespace Hw4.Ml.Training.Events;

/// <summary>Raised when the run stops on an error.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Message">A one-line reason.</param>
public sealed record Failed(string RunId, string Message) : TrainingEvent(RunId);
