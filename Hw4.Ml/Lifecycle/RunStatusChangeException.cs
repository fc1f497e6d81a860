namespace Hw4.Ml.Lifecycle;

/// <summary>A status move that <see cref="RunTransitions"/> does not allow, e.g. resuming a completed run.</summary>
public sealed class RunStatusChangeException(string runId, RunStatus from, RunStatus to)
    : InvalidOperationException($"Run '{runId}' is {from.Name()}; it cannot become {to.Name()}.")
{
    /// <summary>The run.</summary>
    public string RunId { get; } = runId;

    /// <summary>Its status.</summary>
    public RunStatus From { get; } = from;

    /// <summary>The status asked for.</summary>
    public RunStatus To { get; } = to;
}
