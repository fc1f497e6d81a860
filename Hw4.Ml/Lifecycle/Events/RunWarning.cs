namespace Hw4.Ml.Lifecycle.Events;

/// <summary>Something the user should know that did not stop the run, e.g. a torn checkpoint skipped on resume.</summary>
/// <param name="RunId">The run.</param>
/// <param name="Message">One line.</param>
public sealed record RunWarning(string RunId, string Message) : RunEvent(RunId);
