namespace Hw4.Ml.Lifecycle.Events;

/// <summary>The run waits for the device at <paramref name="Position"/> (1 = next).</summary>
/// <param name="RunId">The run.</param>
/// <param name="Kind"><c>train</c> or <c>denoise</c>.</param>
/// <param name="Description">One line for queue lists.</param>
/// <param name="Position">Its place in the queue.</param>
public sealed record RunQueued(string RunId, string Kind, string Description, int Position) : RunEvent(RunId);
