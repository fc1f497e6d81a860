namespace Hw4.Ml.Lifecycle;

/// <summary>
/// The allowed moves of a run's status:
/// <code>
///   queued ──► running ──► completed | stopped | failed | diverged
///     │           └──────► interrupted        (its process died)
///     └──► stopped | failed                   (stopped before it started; could not start)
///   interrupted | stopped | failed ──► queued  (resume)
///   interrupted ──► stopped                   (the user gives it up)
/// </code>
/// Everything else is refused with <see cref="RunStatusChangeException"/>.
/// </summary>
public static class RunTransitions
{
    /// <summary>True when a run may move from <paramref name="from"/> to <paramref name="to"/>.</summary>
    public static bool IsAllowed(RunStatus from, RunStatus to) => (from, to) switch
    {
        (RunStatus.Queued, RunStatus.Running or RunStatus.Stopped or RunStatus.Failed) => true,
        (RunStatus.Running, RunStatus.Completed or RunStatus.Stopped or RunStatus.Failed or RunStatus.Diverged or RunStatus.Interrupted) => true,
        (RunStatus.Interrupted or RunStatus.Stopped or RunStatus.Failed, RunStatus.Queued) => true,
        (RunStatus.Interrupted, RunStatus.Stopped) => true,
        _ => false,
    };

    /// <summary>Throws <see cref="RunStatusChangeException"/> naming the run when the move is not allowed.</summary>
    public static void Check(string runId, RunStatus from, RunStatus to)
    {
        if (!IsAllowed(from, to))
            throw new RunStatusChangeException(runId, from, to);
    }
}
