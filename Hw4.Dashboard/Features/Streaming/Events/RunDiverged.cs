namespace Hw4.Dashboard.Features.Streaming.Events;

/// <summary>
/// The loss became non-finite or exploded at the given epoch and batch; the run was stopped.
/// <paramref name="LastFiniteLoss"/> is the last finite batch loss before it, when known.
/// </summary>
public sealed record RunDiverged(string RunId, int Epoch, int Batch, string Reason, double? LastFiniteLoss = null) : RunEvent(RunId)
{
    /// <inheritdoc />
    public override bool IsTerminal => true;
}
