namespace Hw4.Ml.Lifecycle.Events;

/// <summary>
/// The run stopped being active, raised once after its folder holds the final status. The status is the same word as
/// in run.json (completed, stopped, failed, diverged, interrupted).
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="Status">How it ended.</param>
/// <param name="Message">Why it ended early (the real cause for failed, where it diverged); null when completed.</param>
/// <param name="Seconds">Wall time from start to end (0 when it never started).</param>
public sealed record RunEnded(string RunId, RunStatus Status, string? Message, double Seconds) : RunEvent(RunId)
{
    /// <inheritdoc />
    public override bool IsTerminal => true;
}
