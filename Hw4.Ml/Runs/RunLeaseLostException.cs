namespace Hw4.Ml.Runs;

/// <summary>
/// An attempt wrote to (or tried to move) a run it no longer holds: a later grant took it, or it was judged dead and
/// interrupted. It must stop without writing anything more; the folder stays as the current holder has it.
/// </summary>
public sealed class RunLeaseLostException(string runId, long attempt, string holder)
    : IOException($"Run '{runId}': attempt {attempt} no longer holds the run ({holder}); it writes nothing more.")
{
    /// <summary>The run.</summary>
    public string RunId { get; } = runId;

    /// <summary>The attempt that was refused.</summary>
    public long Attempt { get; } = attempt;
}
